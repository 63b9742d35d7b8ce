package com.vibotaj.tracehub.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.Locale;

/** What an organisation is to the exporter that owns the platform. */
@Schema(enumAsRef = true)
public enum OrganizationType {
    EXPORTER,
    BUYER,
    SUPPLIER,
    LOGISTICS;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrganizationType of(String value) {
        return Arrays.stream(values())
                .filter(t -> t.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown organisation type " + value));
    }
}
