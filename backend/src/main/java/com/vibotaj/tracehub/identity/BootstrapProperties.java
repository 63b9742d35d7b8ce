package com.vibotaj.tracehub.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts a fresh deployment needs before anyone can sign in. Both are created at start-up when
 * configured and are otherwise left alone, so these settings can stay in place.
 *
 * @param admin the platform owner's organisation and its first administrator
 * @param smoke the account deploy smoke tests sign in with: a viewer in its own organisation, so it
 *     can see nothing of anyone else; its password is reset to the configured one at every start
 */
@ConfigurationProperties("tracehub.bootstrap")
public record BootstrapProperties(
        @Nullable Admin admin, @Nullable Smoke smoke) {

    /**
     * @param organizationName name of the exporter organisation to create
     * @param email the administrator's e-mail
     * @param fullName the administrator's name
     * @param password initial password; must satisfy the password policy; change it after first sign-in
     */
    public record Admin(
            @Nullable String organizationName,
            @Nullable String email,
            @Nullable String fullName,
            @Nullable String password) {}

    /**
     * @param email the smoke account's e-mail
     * @param password its password
     */
    public record Smoke(@Nullable String email, @Nullable String password) {}
}
