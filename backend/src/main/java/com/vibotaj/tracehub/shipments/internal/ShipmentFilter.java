package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.time.LocalDate;
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
        Sort sort,
        Facts facts) {

    public ShipmentFilter {
        statuses = List.copyOf(statuses);
    }

    public ShipmentFilter(
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
        this(
                text,
                statuses,
                buyerOrganizationId,
                productType,
                portOfLoading,
                portOfDischarge,
                etaFrom,
                etaTo,
                needsAttention,
                sort,
                Facts.NONE);
    }

    /**
     * Criteria on milestones, punctuality, compliance and documents: the analytics figures link to the
     * list with these, so that every figure can be checked against the list it summarises. Periods are
     * half-open ({@code from} inclusive, {@code to} exclusive), like etaFrom/etaTo.
     *
     * @param attention one attention reason (eta_slipped, customs_hold, unknown_port)
     * @param onTime arrived no later than one day after the first ETA (true) or later (false); shipments
     *     without an ATA or a first ETA match neither
     * @param compliance the overall result of the stored compliance evaluation, or not_evaluated
     * @param documentsAwaitingReview has a document version waiting for review (uploaded or under_review)
     * @param expiryFrom has a live document version (not superseded, rejected or archived) whose expiry
     *     date is on or after this day (with expiryTo: before that day)
     */
    public record Facts(
            @Nullable OffsetDateTime createdFrom,
            @Nullable OffsetDateTime createdTo,
            @Nullable OffsetDateTime atdFrom,
            @Nullable OffsetDateTime atdTo,
            @Nullable OffsetDateTime ataFrom,
            @Nullable OffsetDateTime ataTo,
            @Nullable String attention,
            @Nullable Boolean onTime,
            @Nullable String compliance,
            @Nullable Boolean documentsAwaitingReview,
            @Nullable LocalDate expiryFrom,
            @Nullable LocalDate expiryTo) {

        public static final Facts NONE =
                new Facts(null, null, null, null, null, null, null, null, null, null, null, null);
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
