package com.vibotaj.tracehub.analytics.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the analytics endpoints answer. Every count carries {@code list}: the shipment-list query
 * ({@code /api/shipments?…}) whose total is that count. The definitions are in docs/operations/analytics.md.
 */
public final class AnalyticsViews {

    private AnalyticsViews() {}

    /** A number of shipments and the list that shows them. */
    public record Figure(long count, String list) {}

    /** A share of {@code of}: null when {@code of} is zero (no data is not 0 %). */
    public static @Nullable Double rate(long part, long of) {
        return of == 0 ? null : Math.round(part * 10000.0 / of) / 10000.0;
    }

    /** The period the flow figures cover: [from, to) in UTC days. */
    public record Period(LocalDate from, LocalDate to) {}

    /** The ISO week (Monday to Monday, UTC) that "arriving this week" covers. */
    public record Week(Instant start, Instant end) {}

    public record StatusFigure(String status, long count, String list) {}

    /** Mean ATA − ATD in days over the shipments of {@code count}/{@code list}; null when there are none. */
    public record Average(@Nullable Double days, long count, String list) {}

    /** On time = ATA no later than one day after the first ETA; rate = onTime / (onTime + late). */
    public record Punctuality(@Nullable Double rate, Figure onTime, Figure late) {}

    /** From the stored compliance evaluation; rate = compliant / all shipments of the working list. */
    public record Compliance(
            @Nullable Double rate, Figure compliant, Figure inProgress, Figure nonCompliant, Figure notEvaluated) {}

    /** Shipments with such documents ({@code count}, {@code list}) and the number of documents. */
    public record DocumentFigure(long count, long documents, String list) {}

    public record Summary(
            Period period,
            Week week,
            Figure total,
            List<StatusFigure> byStatus,
            Figure inTransit,
            Figure arrivingThisWeek,
            Average averageTransitDays,
            Punctuality onTime,
            Compliance compliance,
            DocumentFigure documentsAwaitingReview,
            DocumentFigure certificatesExpiring,
            Figure etaSlips) {}

    /** One week or month: [start, end) in UTC. */
    public record Bucket(
            LocalDate start,
            LocalDate end,
            Figure created,
            Figure departed,
            Figure arrived,
            Punctuality onTime,
            @Nullable Double complianceRate,
            Figure departedCompliant) {}

    public record Trends(String granularity, Period period, List<Bucket> buckets) {}

    /** One buyer or product: its working list, in transit, compliance and punctuality over the period. */
    public record Group(
            String key,
            String name,
            Figure total,
            Figure inTransit,
            Figure compliant,
            @Nullable Double complianceRate,
            Punctuality onTime,
            Average averageTransitDays) {}

    public record Breakdown(String by, Period period, List<Group> groups) {}
}
