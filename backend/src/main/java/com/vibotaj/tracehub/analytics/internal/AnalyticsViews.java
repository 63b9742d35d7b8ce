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
    public record AnalyticsFigure(long count, String list) {}

    /** A share of {@code of}: null when {@code of} is zero (no data is not 0 %). */
    public static @Nullable Double rate(long part, long of) {
        return of == 0 ? null : Math.round(part * 10000.0 / of) / 10000.0;
    }

    /** The period the flow figures cover: [from, to) in UTC days. */
    public record AnalyticsPeriod(LocalDate from, LocalDate to) {}

    /** The ISO week (Monday to Monday, UTC) that "arriving this week" covers. */
    public record AnalyticsWeek(Instant start, Instant end) {}

    public record AnalyticsStatusFigure(String status, long count, String list) {}

    /** Mean ATA − ATD in days over the shipments of {@code count}/{@code list}; null when there are none. */
    public record AnalyticsAverage(@Nullable Double days, long count, String list) {}

    /** On time = ATA no later than one day after the first ETA; rate = onTime / (onTime + late). */
    public record AnalyticsPunctuality(@Nullable Double rate, AnalyticsFigure onTime, AnalyticsFigure late) {}

    /** From the stored compliance evaluation; rate = compliant / all shipments of the working list. */
    public record AnalyticsCompliance(
            @Nullable Double rate,
            AnalyticsFigure compliant,
            AnalyticsFigure inProgress,
            AnalyticsFigure nonCompliant,
            AnalyticsFigure notEvaluated) {}

    /** Shipments with such documents ({@code count}, {@code list}) and the number of documents. */
    public record AnalyticsDocumentFigure(long count, long documents, String list) {}

    public record AnalyticsSummary(
            AnalyticsPeriod period,
            AnalyticsWeek week,
            AnalyticsFigure total,
            List<AnalyticsStatusFigure> byStatus,
            AnalyticsFigure inTransit,
            AnalyticsFigure arrivingThisWeek,
            AnalyticsAverage averageTransitDays,
            AnalyticsPunctuality onTime,
            AnalyticsCompliance compliance,
            AnalyticsDocumentFigure documentsAwaitingReview,
            AnalyticsDocumentFigure certificatesExpiring,
            AnalyticsFigure etaSlips) {}

    /** One week or month: [start, end) in UTC. */
    public record AnalyticsBucket(
            LocalDate start,
            LocalDate end,
            AnalyticsFigure created,
            AnalyticsFigure departed,
            AnalyticsFigure arrived,
            AnalyticsPunctuality onTime,
            @Nullable Double complianceRate,
            AnalyticsFigure departedCompliant) {}

    public record AnalyticsTrends(String granularity, AnalyticsPeriod period, List<AnalyticsBucket> buckets) {}

    /** One buyer or product: its working list, in transit, compliance and punctuality over the period. */
    public record AnalyticsGroup(
            String key,
            String name,
            AnalyticsFigure total,
            AnalyticsFigure inTransit,
            AnalyticsFigure compliant,
            @Nullable Double complianceRate,
            AnalyticsPunctuality onTime,
            AnalyticsAverage averageTransitDays) {}

    public record AnalyticsBreakdown(String by, AnalyticsPeriod period, List<AnalyticsGroup> groups) {}
}
