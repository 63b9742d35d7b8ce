package com.vibotaj.tracehub.documents;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.Locale;

/** Where a document version stands in the review workflow (product spec §3). */
@Schema(enumAsRef = true)
public enum DocumentStatus {
    UPLOADED,
    UNDER_REVIEW,
    APPROVED,
    REJECTED,
    SUPERSEDED,
    ARCHIVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown document status " + value));
    }
}
