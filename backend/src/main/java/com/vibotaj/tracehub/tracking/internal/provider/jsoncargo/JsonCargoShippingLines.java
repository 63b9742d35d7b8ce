package com.vibotaj.tracehub.tracking.internal.provider.jsoncargo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SCAC to the {@code shipping_line} value JSONCargo expects. JSONCargo supports eleven lines; a carrier
 * outside this table (Grimaldi, for one) cannot be tracked through it, and we say so rather than guess.
 */
public final class JsonCargoShippingLines {

    private static final Map<String, String> BY_SCAC = Map.ofEntries(
            Map.entry("MAEU", "MAERSK"),
            Map.entry("MSCU", "MSC"),
            Map.entry("HLCU", "HAPAG_LLOYD"),
            Map.entry("CMDU", "CMA_CGM"),
            Map.entry("HDMU", "HMM"),
            Map.entry("ONEY", "ONE"),
            Map.entry("EGLV", "EVERGREEN"),
            Map.entry("COSU", "COSCO"),
            Map.entry("ZIMU", "ZIM"),
            Map.entry("YMLU", "YANG_MING"),
            Map.entry("PCIU", "PIL"));

    private JsonCargoShippingLines() {}

    public static Optional<String> forScac(@Nullable String scac) {
        if (scac == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_SCAC.get(scac.trim().toUpperCase(Locale.ROOT)));
    }
}
