package com.vibotaj.tracehub.shipments;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The shipment life cycle of product spec §2. The order of the constants is the journey's order: a
 * tracking event may only move a shipment to a later status, never back and never out of archived.
 */
@Schema(enumAsRef = true)
public enum ShipmentStatus {
    DRAFT,
    DOCS_PENDING,
    DOCS_COMPLETE,
    IN_TRANSIT,
    ARRIVED,
    CUSTOMS,
    DELIVERED,
    ARCHIVED;

    /** Moves a user may make; archiving is separate because it is allowed from everywhere. */
    private static final Map<ShipmentStatus, Set<ShipmentStatus>> USER_MOVES = Map.of(
            DRAFT, EnumSet.of(DOCS_PENDING),
            DOCS_PENDING, EnumSet.of(DOCS_COMPLETE, IN_TRANSIT),
            DOCS_COMPLETE, EnumSet.of(DOCS_PENDING, IN_TRANSIT),
            IN_TRANSIT, EnumSet.of(ARRIVED),
            ARRIVED, EnumSet.of(CUSTOMS),
            CUSTOMS, EnumSet.of(ARRIVED, DELIVERED),
            DELIVERED, EnumSet.noneOf(ShipmentStatus.class),
            ARCHIVED, EnumSet.noneOf(ShipmentStatus.class));

    public Set<ShipmentStatus> userMoves() {
        return USER_MOVES.get(this);
    }

    public boolean isBefore(ShipmentStatus other) {
        return ordinal() < other.ordinal();
    }

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ShipmentStatus of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown status " + value));
    }
}
