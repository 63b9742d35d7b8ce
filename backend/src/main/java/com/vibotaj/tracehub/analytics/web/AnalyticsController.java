package com.vibotaj.tracehub.analytics.web;

import com.vibotaj.tracehub.analytics.internal.AnalyticsQueries;
import com.vibotaj.tracehub.analytics.internal.AnalyticsQueries.By;
import com.vibotaj.tracehub.analytics.internal.AnalyticsQueries.Granularity;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsBreakdown;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsPeriod;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsSummary;
import com.vibotaj.tracehub.analytics.internal.AnalyticsViews.AnalyticsTrends;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Analytics")
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAuthority('analytics:read')")
class AnalyticsController {

    /** The default period: the last 90 days, today included. */
    static final int DEFAULT_DAYS = 90;

    /** Longest period asked for at once (about three years of weekly buckets). */
    static final int MAX_DAYS = 1100;

    private final AnalyticsQueries queries;

    AnalyticsController(AnalyticsQueries queries) {
        this.queries = queries;
    }

    @Operation(
            operationId = "getAnalyticsSummary",
            summary = "Headline figures over the shipments the caller's organisation sees",
            description = "Every count comes with `list`, the shipment-list query whose total it is. from/to"
                    + " (UTC days, both inclusive; default the last 90 days) bound the arrival-based figures"
                    + " (average transit days, on-time rate); the other figures describe the present. Definitions:"
                    + " docs/operations/analytics.md.")
    @GetMapping("/summary")
    AnalyticsSummary summary(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID buyerId,
            @RequestParam(required = false) @Size(max = 40) @Nullable String productCode) {
        return queries.summary(CurrentActor.require(), period(from, to), buyerId, productCode);
    }

    @Operation(
            operationId = "getAnalyticsTrends",
            summary = "Created, departed and arrived shipments, on-time and compliance per week or month",
            description = "Weeks are ISO weeks (Monday 00:00 UTC), months calendar months in UTC; the period"
                    + " is widened to whole buckets.")
    @GetMapping("/trends")
    AnalyticsTrends trends(
            @Parameter(description = "week or month")
                    @RequestParam(defaultValue = "week")
                    @Pattern(regexp = "week|month", message = "must be week or month")
                    String granularity,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable UUID buyerId,
            @RequestParam(required = false) @Size(max = 40) @Nullable String productCode) {
        return queries.trends(
                CurrentActor.require(),
                Granularity.valueOf(granularity.toUpperCase(Locale.ROOT)),
                period(from, to),
                buyerId,
                productCode);
    }

    @Operation(
            operationId = "getAnalyticsBreakdown",
            summary = "Figures per buyer or per product",
            description = "Shipments without a buyer are not part of the buyer breakdown.")
    @GetMapping("/breakdown")
    AnalyticsBreakdown breakdown(
            @Parameter(description = "buyer or product")
                    @RequestParam
                    @Pattern(regexp = "buyer|product", message = "must be buyer or product")
                    String by,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return queries.breakdown(CurrentActor.require(), By.valueOf(by.toUpperCase(Locale.ROOT)), period(from, to));
    }

    private AnalyticsPeriod period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to != null ? to : queries.today();
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1L);
        if (start.isAfter(end)) {
            throw ValidationException.of("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ValidationException.of("from", "the period may cover at most " + MAX_DAYS + " days");
        }
        return new AnalyticsPeriod(start, end);
    }
}
