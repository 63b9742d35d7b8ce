package com.vibotaj.tracehub.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the deployment as a whole.
 *
 * @param publicUrl the address users reach TraceHub at (scheme, host, optional port and path, no trailing
 *     slash needed); used to build links sent to people, such as invitation links
 * @param release the release label {@code /health} reports (e.g. the image tag or commit); defaults to
 *     the build version
 */
@Validated
@ConfigurationProperties("tracehub")
public record TraceHubProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String publicUrl,

        @Nullable String release) {

    /** The public URL followed by {@code path} (which starts with a slash). */
    public String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
