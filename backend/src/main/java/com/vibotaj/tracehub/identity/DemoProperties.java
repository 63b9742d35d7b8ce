package com.vibotaj.tracehub.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo data of the local run.
 *
 * @param enabled load demo organisations and users at start-up (off unless the local profile is on)
 * @param password password for every demo user; when unset, one is generated on first load and printed
 *     once
 * @param credentialsPath where a generated password is kept (owner-readable only) for later runs
 */
@ConfigurationProperties("tracehub.demo")
public record DemoProperties(
        boolean enabled,
        @Nullable String password,
        @Nullable String credentialsPath) {}
