package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Criteria of the shipment list; every member is optional and they combine with AND. */
public record ShipmentFilter(
        @Nullable String text,
        List<ShipmentStatus> statuses,
        @Nullable UUID buyerOrganizationId,
        @Nullable String productType,
        @Nullable String portOfLoading,
        @Nullable String portOfDischarge,
        @Nullable OffsetDateTime etaFrom,
        @Nullable OffsetDateTime etaTo,
        @Nullable Boolean needsAttention,
        Sort sort) {

    public ShipmentFilter {
        statuses = List.copyOf(statuses);
    }

    /** Sort orders, each with a unique tie-breaker so pages never overlap. */
    public enum Sort {
        ETA("s.eta ASC NULLS LAST, s.id"),
        ETA_DESC("s.eta DESC NULLS LAST, s.id"),
        ETD("s.etd ASC NULLS LAST, s.id"),
        ETD_DESC("s.etd DESC NULLS LAST, s.id"),
        REFERENCE("upper(s.reference), s.id"),
        REFERENCE_DESC("upper(s.reference) DESC, s.id"),
        UPDATED("s.updated_at, s.id"),
        UPDATED_DESC("s.updated_at DESC, s.id");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        /** The ORDER BY clause (fixed SQL, never user input). */
        public String orderBy() {
            return sql;
        }

        /** {@code eta}, {@code -eta}, {@code reference}, … as accepted by the API. */
        public static Sort parse(String value) {
            boolean desc = value.startsWith("-");
            String name = (desc ? value.substring(1) : value).toUpperCase(java.util.Locale.ROOT);
            return Sort.valueOf(desc ? name + "_DESC" : name);
        }
    }
}
