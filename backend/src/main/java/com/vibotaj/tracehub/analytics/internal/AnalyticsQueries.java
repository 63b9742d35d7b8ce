package com.vibotaj.tracehub.analytics.internal;

import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsAverage;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsBreakdown;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsBucket;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsCompliance;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsDocumentFigure;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsFigure;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsGroup;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsPeriod;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsPunctuality;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsStatusFigure;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsSummary;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsTrends;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsWeek;
import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics figures, each aggregated in SQL over the analytics views (a handful of statements per
 * request, whatever the number of shipments). The population is the shipment list's: the same
 * visibility rule and the same filters, so that every figure equals the total of the list it names.
 */
@Service
public class AnalyticsQueries {

    /** Statuses of a shipment that has not arrived yet: those can still be "arriving". */
    static final List<ShipmentStatus> NOT_ARRIVED = List.of(
            ShipmentStatus.DRAFT, ShipmentStatus.DOCS_PENDING, ShipmentStatus.DOCS_COMPLETE, ShipmentStatus.IN_TRANSIT);

    /** Certificates expiring: expiry date from today through today + 30 days. */
    static final int EXPIRY_WINDOW_DAYS = 30;

    private static final String AWAITING = "d.status IN ('uploaded', 'under_review')";
    private static final String LIVE = "d.status IN ('uploaded', 'under_review', 'approved')";
    private static final String TRANSIT = "s.ata >= :from AND s.ata < :to AND s.atd < :to";
    private static final String ARRIVED_IN_PERIOD = "s.ata >= :from AND s.ata < :to AND s.eta_original IS NOT NULL";
    private static final String ON_TIME = "s.ata <= s.eta_original + interval '1 day'";

    private final JdbcClient jdbc;
    private final Partners partners;
    private final Clock clock;

    AnalyticsQueries(JdbcClient jdbc, Partners partners, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.clock = clock;
    }

    /** Today in UTC: the analytics day boundary (organisations have no time zone of their own). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Transactional(readOnly = true)
    public AnalyticsSummary summary(
            CurrentActor actor, AnalyticsPeriod period, @Nullable UUID buyer, @Nullable String productType) {
        LocalDate today = today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        AnalyticsWeek week = new AnalyticsWeek(start(monday), start(monday.plusDays(7)));
        Instant from = start(period.from());
        Instant to = start(period.to().plusDays(1));
        LocalDate expiryTo = today.plusDays(EXPIRY_WINDOW_DAYS + 1L);
        SummaryRows rows = summaryRows(actor, buyer, productType, from, to, week, today, expiryTo);

        ListQuery base = ListQuery.of(buyer, productType);
        ListQuery arrived = base.between("ata", from, to);
        ListQuery transit = arrived.with("atdTo", to);
        ListQuery arriving = base;
        for (ShipmentStatus s : NOT_ARRIVED) {
            arriving = arriving.with("status", s.value());
        }
        arriving = arriving.between("eta", week.start(), week.end());
        ListQuery expiring = base.between("expiry", today, expiryTo);
        long onTime = rows.sum(Column.ON_TIME);
        long late = rows.sum(Column.LATE);
        long total = rows.sum(Column.TOTAL);
        long compliant = rows.sum(Column.COMPLIANT);
        List<AnalyticsStatusFigure> statuses = new ArrayList<>();
        for (ShipmentStatus s : ShipmentStatus.values()) {
            statuses.add(new AnalyticsStatusFigure(
                    s.value(),
                    rows.byStatus().getOrDefault(s, 0L),
                    base.with("status", s.value()).url()));
        }
        return new AnalyticsSummary(
                period,
                week,
                new AnalyticsFigure(total, base.url()),
                statuses,
                new AnalyticsFigure(
                        rows.byStatus().getOrDefault(ShipmentStatus.IN_TRANSIT, 0L),
                        base.with("status", ShipmentStatus.IN_TRANSIT.value()).url()),
                new AnalyticsFigure(rows.sum(Column.ARRIVING), arriving.url()),
                new AnalyticsAverage(rows.averageTransitDays(), rows.sum(Column.TRANSIT_N), transit.url()),
                new AnalyticsPunctuality(
                        AnalyticsViews.rate(onTime, onTime + late),
                        new AnalyticsFigure(onTime, arrived.with("onTime", true).url()),
                        new AnalyticsFigure(late, arrived.with("onTime", false).url())),
                new AnalyticsCompliance(
                        AnalyticsViews.rate(compliant, total),
                        new AnalyticsFigure(
                                compliant, base.with("compliance", "compliant").url()),
                        new AnalyticsFigure(
                                rows.sum(Column.IN_PROGRESS),
                                base.with("compliance", "in_progress").url()),
                        new AnalyticsFigure(
                                rows.sum(Column.NON_COMPLIANT),
                                base.with("compliance", "non_compliant").url()),
                        new AnalyticsFigure(
                                rows.sum(Column.NOT_EVALUATED),
                                base.with("compliance", "not_evaluated").url())),
                new AnalyticsDocumentFigure(
                        rows.sum(Column.AWAITING_N),
                        rows.sum(Column.AWAITING_DOCS),
                        base.with("documentsAwaitingReview", true).url()),
                new AnalyticsDocumentFigure(
                        rows.sum(Column.EXPIRING_N), rows.sum(Column.EXPIRING_DOCS), expiring.url()),
                new AnalyticsFigure(
                        rows.sum(Column.SLIPS),
                        base.with("attention", "eta_slipped").url()));
    }

    /** The counting columns of analytics_summary, one row per status. */
    enum Column {
        TOTAL,
        ARRIVING,
        TRANSIT_N,
        ON_TIME,
        LATE,
        COMPLIANT,
        IN_PROGRESS,
        NON_COMPLIANT,
        NOT_EVALUATED,
        AWAITING_N,
        AWAITING_DOCS,
        EXPIRING_N,
        EXPIRING_DOCS,
        SLIPS;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The summary's rows per status: byStatus counts every status (archived included); every other
     * figure sums the working list (all statuses but archived).
     */
    record SummaryRows(Map<ShipmentStatus, Long> byStatus, long[] sums, BigDecimal transitDays) {

        long sum(Column c) {
            return sums[c.ordinal()];
        }

        /** Mean of ATA − ATD in days, one decimal; null when no shipment qualifies. */
        @Nullable
        Double averageTransitDays() {
            long n = sum(Column.TRANSIT_N);
            if (n == 0) {
                return null;
            }
            double mean = transitDays
                    .divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)
                    .doubleValue();
            return Math.round(mean * 10) / 10.0;
        }
    }

    /**
     * One statement through analytics_summary (ADR 0007): the figures the security_invoker views gave,
     * without row-level security evaluated row by row. The function applies the visibility rule from
     * the transaction's tenant; the relation only picks which of the caller's shipments to count, as
     * the shipment list does.
     */
    private SummaryRows summaryRows(
            CurrentActor actor,
            @Nullable UUID buyer,
            @Nullable String productType,
            Instant from,
            Instant to,
            AnalyticsWeek week,
            LocalDate today,
            LocalDate expiryTo) {
        Map<String, Object> params = new HashMap<>();
        params.put("relation", relation(actor));
        params.put("buyer", buyer);
        params.put("productType", productType);
        params.put("from", java.sql.Timestamp.from(from));
        params.put("to", java.sql.Timestamp.from(to));
        params.put("weekStart", java.sql.Timestamp.from(week.start()));
        params.put("weekEnd", java.sql.Timestamp.from(week.end()));
        params.put("today", today);
        params.put("expiryTo", expiryTo);
        Map<ShipmentStatus, Long> byStatus = new EnumMap<>(ShipmentStatus.class);
        long[] sums = new long[Column.values().length];
        BigDecimal[] transitDays = {BigDecimal.ZERO};
        jdbc.sql("""
                        SELECT * FROM analytics_summary(:relation, CAST(:buyer AS uuid), CAST(:productType AS text),
                          :from, :to, :weekStart, :weekEnd, :today, :expiryTo)""").params(params).query((ResultSet rs) -> {
            ShipmentStatus status = ShipmentStatus.of(rs.getString("status"));
            byStatus.put(status, rs.getLong("total"));
            if (status == ShipmentStatus.ARCHIVED) {
                return;
            }
            for (Column c : Column.values()) {
                sums[c.ordinal()] += rs.getLong(c.column());
            }
            BigDecimal days = rs.getBigDecimal("transit_days");
            if (days != null) {
                transitDays[0] = transitDays[0].add(days);
            }
        });
        return new SummaryRows(byStatus, sums, transitDays[0]);
    }

    /** The caller's relation to the shipments it counts: the shipment list's rule (ShipmentQueries.where). */
    private String relation(CurrentActor actor) {
        return switch (partners.typeOf(actor.organizationId()).orElse(OrganizationType.EXPORTER)) {
            case EXPORTER -> "owner";
            case BUYER -> "buyer";
            case SUPPLIER, LOGISTICS -> "party";
        };
    }

    /** Trend buckets are ISO weeks (Monday, UTC) or calendar months (UTC). */
    public enum Granularity {
        WEEK,
        MONTH;

        LocalDate floor(LocalDate day) {
            return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
        }

        LocalDate next(LocalDate start) {
            return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
        }

        String unit() {
            return this == WEEK ? "week" : "month";
        }
    }

    @Transactional(readOnly = true)
    public AnalyticsTrends trends(
            CurrentActor actor,
            Granularity granularity,
            AnalyticsPeriod period,
            @Nullable UUID buyer,
            @Nullable String productType) {
        Map<String, Object> params = new HashMap<>();
        String where = where(actor, buyer, productType, params) + " AND s.status <> 'archived'";
        LocalDate first = granularity.floor(period.from());
        LocalDate end = granularity.next(granularity.floor(period.to()));
        params.put("from", java.sql.Timestamp.from(start(first)));
        params.put("to", java.sql.Timestamp.from(start(end)));
        params.put("unit", granularity.unit());
        String bucket = "date_trunc(CAST(:unit AS text), %s AT TIME ZONE 'UTC')::date";
        String sql = """
                SELECT 'created' AS k, %1$s AS b, count(*) AS n, 0 AS x, 0 AS y
                  FROM analytics_shipment s WHERE s.created_at >= :from AND s.created_at < :to AND %4$s GROUP BY 2
                UNION ALL
                SELECT 'departed', %2$s, count(*), count(*) FILTER (WHERE c.overall = 'compliant'), 0
                  FROM analytics_shipment s LEFT JOIN analytics_compliance c ON c.shipment_id = s.id
                  WHERE s.atd >= :from AND s.atd < :to AND %4$s GROUP BY 2
                UNION ALL
                SELECT 'arrived', %3$s, count(*),
                       count(*) FILTER (WHERE s.eta_original IS NOT NULL AND %5$s),
                       count(*) FILTER (WHERE s.eta_original IS NOT NULL AND NOT (%5$s))
                  FROM analytics_shipment s WHERE s.ata >= :from AND s.ata < :to AND %4$s GROUP BY 2
                """.formatted(
                bucket.formatted("s.created_at"), bucket.formatted("s.atd"), bucket.formatted("s.ata"), where, ON_TIME);
        Map<String, long[]> rows = new HashMap<>();
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            rows.put(
                    rs.getString("k") + "@" + rs.getObject("b", LocalDate.class),
                    new long[] {rs.getLong("n"), rs.getLong("x"), rs.getLong("y")});
        });
        ListQuery base = ListQuery.of(buyer, productType);
        List<AnalyticsBucket> buckets = new ArrayList<>();
        long[] none = {0, 0, 0};
        for (LocalDate b = first; b.isBefore(end); b = granularity.next(b)) {
            Instant s = start(b);
            Instant e = start(granularity.next(b));
            long[] created = rows.getOrDefault("created@" + b, none);
            long[] departed = rows.getOrDefault("departed@" + b, none);
            long[] arrived = rows.getOrDefault("arrived@" + b, none);
            ListQuery arrivedList = base.between("ata", s, e);
            ListQuery departedList = base.between("atd", s, e);
            buckets.add(new AnalyticsBucket(
                    b,
                    granularity.next(b),
                    new AnalyticsFigure(
                            created[0], base.between("created", s, e).url()),
                    new AnalyticsFigure(departed[0], departedList.url()),
                    new AnalyticsFigure(arrived[0], arrivedList.url()),
                    new AnalyticsPunctuality(
                            AnalyticsViews.rate(arrived[1], arrived[1] + arrived[2]),
                            new AnalyticsFigure(
                                    arrived[1], arrivedList.with("onTime", true).url()),
                            new AnalyticsFigure(
                                    arrived[2],
                                    arrivedList.with("onTime", false).url())),
                    AnalyticsViews.rate(departed[1], departed[0]),
                    new AnalyticsFigure(
                            departed[1],
                            departedList.with("compliance", "compliant").url())));
        }
        return new AnalyticsTrends(granularity.unit(), new AnalyticsPeriod(first, end.minusDays(1)), buckets);
    }

    /** Breakdown keys: the buyer organisation or the product type. */
    public enum By {
        BUYER("s.buyer_organization_id::text", "max(s.buyer_name)", "buyer"),
        PRODUCT("s.product_type", "max(s.product_name)", "productType");

        final String key;
        final String name;
        final String listParam;

        By(String key, String name, String listParam) {
            this.key = key;
            this.name = name;
            this.listParam = listParam;
        }
    }

    @Transactional(readOnly = true)
    public AnalyticsBreakdown breakdown(CurrentActor actor, By by, AnalyticsPeriod period) {
        Map<String, Object> params = new HashMap<>();
        // Shipments without a buyer have no list filter to show them by buyer: they are left out of the
        // buyer breakdown (every shipment has a product).
        String where = where(actor, null, null, params) + " AND s.status <> 'archived' AND " + by.key + " IS NOT NULL";
        Instant from = start(period.from());
        Instant to = start(period.to().plusDays(1));
        params.put("from", java.sql.Timestamp.from(from));
        params.put("to", java.sql.Timestamp.from(to));
        String sql = """
                SELECT %1$s AS key, %2$s AS name, count(*) AS total,
                  count(*) FILTER (WHERE s.status = 'in_transit') AS in_transit,
                  count(*) FILTER (WHERE c.overall = 'compliant') AS compliant,
                  count(*) FILTER (WHERE %3$s AND %4$s) AS on_time,
                  count(*) FILTER (WHERE %3$s AND NOT (%4$s)) AS late,
                  count(*) FILTER (WHERE %5$s) AS transit_n,
                  avg(extract(epoch FROM s.ata - s.atd) / 86400.0) FILTER (WHERE %5$s) AS transit_avg
                FROM analytics_shipment s LEFT JOIN analytics_compliance c ON c.shipment_id = s.id
                WHERE %6$s
                GROUP BY %1$s ORDER BY total DESC, name, key
                """.formatted(by.key, by.name, ARRIVED_IN_PERIOD, ON_TIME, TRANSIT, where);
        List<AnalyticsGroup> groups = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> {
                    String key = rs.getString("key");
                    String name = rs.getString("name");
                    ListQuery base = new ListQuery(List.of()).with(by.listParam, key);
                    ListQuery arrived = base.between("ata", from, to);
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    long total = rs.getLong("total");
                    long compliant = rs.getLong("compliant");
                    return new AnalyticsGroup(
                            key,
                            name == null ? key : name,
                            new AnalyticsFigure(total, base.url()),
                            new AnalyticsFigure(
                                    rs.getLong("in_transit"),
                                    base.with("status", "in_transit").url()),
                            new AnalyticsFigure(
                                    compliant,
                                    base.with("compliance", "compliant").url()),
                            AnalyticsViews.rate(compliant, total),
                            new AnalyticsPunctuality(
                                    AnalyticsViews.rate(onTime, onTime + late),
                                    new AnalyticsFigure(
                                            onTime, arrived.with("onTime", true).url()),
                                    new AnalyticsFigure(
                                            late, arrived.with("onTime", false).url())),
                            new AnalyticsAverage(
                                    days(rs, "transit_avg"),
                                    rs.getLong("transit_n"),
                                    arrived.with("atdTo", to).url()));
                })
                .list();
        return new AnalyticsBreakdown(by.name().toLowerCase(java.util.Locale.ROOT), period, groups);
    }

    /**
     * The shipment list's visibility rule (ShipmentQueries.where): an exporter sees what it owns, a buyer
     * what it buys, a supplier or forwarder what it is a party to. Row-level security applies beneath it
     * through the security_invoker views. The consistency tests compare both for every organisation type.
     */
    private String where(
            CurrentActor actor, @Nullable UUID buyer, @Nullable String productType, Map<String, Object> params) {
        params.put("org", actor.organizationId());
        StringBuilder where = new StringBuilder(
                switch (partners.typeOf(actor.organizationId()).orElse(OrganizationType.EXPORTER)) {
                    case EXPORTER -> "s.organization_id = :org";
                    case BUYER -> "s.buyer_organization_id = :org";
                    case SUPPLIER, LOGISTICS ->
                        "s.id IN (SELECT p.shipment_id FROM analytics_shipment_party p WHERE p.party_organization_id = :org)";
                });
        if (buyer != null) {
            params.put("buyer", buyer);
            where.append(" AND s.buyer_organization_id = :buyer");
        }
        if (productType != null) {
            params.put("productType", productType);
            where.append(" AND s.product_type = :productType");
        }
        return where.toString();
    }

    private static @Nullable Double days(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(v * 10) / 10.0;
    }
}
