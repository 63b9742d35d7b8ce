package com.vibotaj.tracehub.audit.web;

import com.vibotaj.tracehub.audit.internal.AuditFilter;
import com.vibotaj.tracehub.audit.internal.AuditFilter.Result;
import com.vibotaj.tracehub.audit.internal.AuditFilter.ResultClass;
import com.vibotaj.tracehub.audit.internal.AuditSearch;
import com.vibotaj.tracehub.audit.internal.AuditSearch.AuditLogPage;
import com.vibotaj.tracehub.platform.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit log")
@RestController
@RequestMapping("/api/audit-log")
@PreAuthorize("hasAuthority('audit:read')")
class AuditLogController {

    private static final String TEXT_CSV = "text/csv";

    private final AuditSearch search;
    private final Clock clock;

    AuditLogController(AuditSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Operation(
            operationId = "searchAuditLog",
            summary = "The organisation's audit log, newest first",
            description = "Every state-changing request and every download or export of the organisation's users,"
                    + " and system actions on its data. Pages reach the newest 10,000 matches (totalCapped tells"
                    + " when there are more); narrow older history with from/to.")
    @GetMapping
    AuditLogPage list(
            @Parameter(description = "User id or e-mail address of the actor")
                    @RequestParam(required = false)
                    @Size(max = 320)
                    @Nullable
                    String actor,
            @Parameter(description = "Exact action, e.g. POST /api/shipments/{id}/status")
                    @RequestParam(required = false)
                    @Size(max = 300)
                    @Nullable
                    String action,
            @RequestParam(required = false) @Size(max = 60) @Nullable String objectType,
            @RequestParam(required = false) @Size(max = 200) @Nullable String objectId,
            @Parameter(description = "A status code (e.g. 403) or success, failure, denied")
                    @RequestParam(required = false)
                    @Nullable
                    String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return search.search(filter(actor, action, objectType, objectId, result, from, to), page, size);
    }

    @Operation(
            operationId = "exportAuditLog",
            summary = "The filtered audit log as CSV (at most 200,000 entries); the export is itself audited",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))))
    @GetMapping(path = "/export", produces = TEXT_CSV)
    void export(
            @RequestParam(required = false) @Size(max = 320) @Nullable String actor,
            @RequestParam(required = false) @Size(max = 300) @Nullable String action,
            @RequestParam(required = false) @Size(max = 60) @Nullable String objectType,
            @RequestParam(required = false) @Size(max = 200) @Nullable String objectId,
            @RequestParam(required = false) @Nullable String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime to,
            HttpServletResponse response)
            throws IOException {
        AuditFilter filter = filter(actor, action, objectType, objectId, result, from, to);
        // Refused before any header is set: a refusal is a plain problem response, not a download.
        search.checkExportable(filter);
        String name = "audit-log-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv";
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        // Headers are set before streaming, so the export is recorded as a download even if it fails midway.
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "time",
                                "actor_user_id",
                                "actor_email",
                                "actor_kind",
                                "action",
                                "object_type",
                                "object_id",
                                "result",
                                "detail",
                                "ip",
                                "user_agent",
                                "request_id")
                        .get())) {
            search.export(filter, e -> {
                try {
                    csv.printRecord(
                            e.occurredAt().toInstant().toString(),
                            e.actorUserId(),
                            cell(e.actorEmail()),
                            e.actorKind(),
                            cell(e.action()),
                            cell(e.objectType()),
                            cell(e.objectId()),
                            e.result(),
                            cell(e.detail()),
                            cell(e.ip()),
                            cell(e.userAgent()),
                            cell(e.requestId()));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }

    /**
     * A cell a spreadsheet will not run as a formula: user agents and tried e-mail addresses come from
     * anyone, so a leading =, +, -, @, tab or CR is neutralised with an apostrophe.
     */
    static @Nullable String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static AuditFilter filter(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String result,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ValidationException.of("to", "must be after from");
        }
        UUID actorId = null;
        String actorEmail = null;
        if (actor != null && !actor.isBlank()) {
            try {
                actorId = UUID.fromString(actor.strip());
            } catch (IllegalArgumentException e) {
                actorEmail = actor.strip().toLowerCase(Locale.ROOT);
            }
        }
        return new AuditFilter(
                actorId,
                actorEmail,
                blankToNull(action),
                blankToNull(objectType),
                blankToNull(objectId),
                result(result),
                from,
                to);
    }

    private static @Nullable Result result(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.matches("[1-5][0-9]{2}|0")) {
            return new Result(Integer.valueOf(v), null);
        }
        for (ResultClass c : ResultClass.values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(v)) {
                return new Result(null, c);
            }
        }
        throw ValidationException.of("result", "must be a status code (e.g. 403) or one of success, failure, denied");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
