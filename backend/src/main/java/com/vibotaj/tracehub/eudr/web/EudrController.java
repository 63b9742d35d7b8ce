package com.vibotaj.tracehub.eudr.web;

import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.internal.EudrService;
import com.vibotaj.tracehub.eudr.internal.EudrService.Actor;
import com.vibotaj.tracehub.eudr.internal.EudrService.Overview;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredDds;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredOrigin;
import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport;
import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonValidator;
import com.vibotaj.tracehub.identity.Role;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.shipments.ShipmentFacts.Facts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.ProductLineFact;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Tag(name = "EUDR")
@RestController
class EudrController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final EudrService eudr;

    EudrController(EudrService eudr) {
        this.eudr = eudr;
    }

    private static Actor actor() {
        CurrentActor a = CurrentActor.require();
        return new Actor(a.userId(), a.organizationId(), Role.of(a.role()).permissions());
    }

    // ---- views ----

    record OriginView(
            UUID id,
            @Nullable String producerName,
            @Nullable String producerCountry,
            @Nullable String productionPlace,
            @Nullable BigDecimal areaHa,
            BigDecimal computedAreaHa,
            String geometryType,
            JsonNode feature,
            @Nullable LocalDate productionStart,
            @Nullable LocalDate productionEnd,
            List<Integer> linePositions,
            UUID createdByOrganizationId,
            Instant createdAt,
            List<String> repairsApplied,
            boolean valid,
            List<GeoJsonReport.Issue> issues) {}

    record DdsView(
            UUID id,
            String referenceNumber,
            String verificationNumber,
            Instant filedAt,
            UUID recordedByOrganizationId,
            Instant recordedAt,
            @Nullable Instant amendedAt,
            Instant amendableUntil,
            boolean amendable) {}

    record EudrView(
            UUID shipmentId,
            boolean applicable,
            String status,
            @Nullable String riskLevel,
            List<EudrAssessment.ChecklistItem> checklist,
            List<String> annexIHeadings,
            List<OriginView> origins,
            List<DdsView> ddsReferences,
            Set<String> actions) {}

    private DdsView dds(StoredDds d) {
        return new DdsView(
                d.id(),
                d.referenceNumber(),
                d.verificationNumber(),
                d.filedAt(),
                d.recordedByOrganizationId(),
                d.recordedAt(),
                d.amendedAt(),
                eudr.amendableUntil(d),
                eudr.amendable(d));
    }

    private static OriginView origin(EudrService.OriginState s) {
        StoredOrigin o = s.origin();
        return new OriginView(
                o.id(),
                o.producerName(),
                o.producerCountry(),
                o.productionPlace(),
                o.areaHa(),
                o.computedAreaHa(),
                o.geometryType(),
                JSON.readTree(o.feature()),
                o.productionStart(),
                o.productionEnd(),
                o.linePositions(),
                o.createdByOrganizationId(),
                o.createdAt(),
                o.repairsApplied(),
                s.report().valid(),
                s.report().issues());
    }

    private EudrView view(Overview o, Actor actor) {
        return new EudrView(
                o.facts().id(),
                o.assessment().applicable(),
                o.assessment().status(),
                o.assessment().riskLevel(),
                o.assessment().checklist(),
                o.annexIHeadings(),
                o.origins().stream().map(EudrController::origin).toList(),
                o.ddsReferences().stream().map(this::dds).toList(),
                eudr.actions(o.facts(), actor, o.assessment().applicable()));
    }

    @Operation(
            operationId = "getShipmentEudr",
            summary = "EUDR assessment, plots with their validation state, and DDS references",
            description = "applicable:false (status not_applicable) for products outside Annex I; never an error for"
                    + " shipments without product lines, plots or ports. actions lists what the caller may do.")
    @GetMapping("/api/shipments/{id}/eudr")
    @PreAuthorize("hasAuthority('shipments:read')")
    EudrView get(@PathVariable UUID id) {
        return view(eudr.overview(id), actor());
    }

    // ---- validation ----

    @Operation(
            operationId = "validateEudrGeoJson",
            summary = "Dry run of the EU GeoJSON checks: issues, proposed repairs, the repaired file and the plots",
            description = "Body: the GeoJSON text (application/geo+json or application/json). Nothing is saved.")
    @PostMapping(
            path = "/api/eudr/geojson/validate",
            consumes = {
                "application/geo+json",
                MediaType.APPLICATION_JSON_VALUE,
                MediaType.TEXT_PLAIN_VALUE,
                MediaType.APPLICATION_OCTET_STREAM_VALUE
            })
    @PreAuthorize("hasAnyAuthority('eudr:manage', 'eudr:origins-submit')")
    GeoJsonReport validate(@RequestBody(required = false) byte @Nullable [] body) {
        return eudr.validate(body == null ? new byte[0] : body);
    }

    @Operation(
            operationId = "validateEudrGeoJsonFile",
            summary = "Dry run of the EU GeoJSON checks on an uploaded file")
    @PostMapping(path = "/api/eudr/geojson/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyAuthority('eudr:manage', 'eudr:origins-submit')")
    GeoJsonReport validateFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            // Read one byte past the limit: enough for the validator to report the size, no more buffered.
            return eudr.validate(in.readNBytes((int) Math.min(GeoJsonValidator.MAX_BYTES + 1, file.getSize())));
        }
    }

    // ---- origins ----

    record OriginsRequest(
            @NotNull JsonNode geojson,
            @Nullable LocalDate productionDate,
            @Nullable LocalDate productionStart,
            @Nullable LocalDate productionEnd,
            @Nullable List<Integer> linePositions,
            @Nullable Boolean acceptRepairs) {}

    record OriginsSaved(List<UUID> originIds, GeoJsonReport validation, EudrView eudr) {}

    @Operation(
            operationId = "addShipmentEudrOrigins",
            summary = "Save plots: only when the GeoJSON passes (after repairs, if acceptRepairs)",
            description = "geojson is the GeoJSON object (or its text). 409 eudr-not-applicable for products outside"
                    + " Annex I; 422 eudr-geojson-invalid with issues and proposed repairs.")
    @PostMapping("/api/shipments/{id}/eudr/origins")
    @PreAuthorize("hasAnyAuthority('eudr:manage', 'eudr:origins-submit')")
    ResponseEntity<OriginsSaved> addOrigins(@PathVariable UUID id, @Valid @RequestBody OriginsRequest request) {
        Actor actor = actor();
        JsonNode geo = request.geojson();
        byte[] bytes = (geo.isString() ? geo.stringValue() : geo.toString()).getBytes(StandardCharsets.UTF_8);
        if (request.productionDate() != null
                && (request.productionStart() != null || request.productionEnd() != null)) {
            throw ValidationException.of(
                    "productionDate", "Give either productionDate or productionStart/productionEnd.");
        }
        LocalDate start = request.productionDate() != null ? request.productionDate() : request.productionStart();
        LocalDate end = request.productionDate() != null ? request.productionDate() : request.productionEnd();
        EudrService.Saved saved = eudr.addOrigins(
                id,
                actor,
                new EudrService.NewOrigins(
                        bytes,
                        start,
                        end,
                        request.linePositions() == null ? List.of() : request.linePositions(),
                        Boolean.TRUE.equals(request.acceptRepairs())));
        return ResponseEntity.created(URI.create("/api/shipments/" + id + "/eudr"))
                .body(new OriginsSaved(saved.originIds(), saved.report(), view(eudr.overview(id), actor)));
    }

    @Operation(
            operationId = "removeShipmentEudrOrigin",
            summary = "Remove a plot (kept for the record as removed, with who, when and why)")
    @DeleteMapping("/api/shipments/{id}/eudr/origins/{originId}")
    @PreAuthorize("hasAnyAuthority('eudr:manage', 'eudr:origins-submit')")
    ResponseEntity<Void> removeOrigin(
            @PathVariable UUID id,
            @PathVariable UUID originId,
            @RequestParam(required = false) @Nullable String reason) {
        eudr.removeOrigin(id, originId, actor(), reason);
        return ResponseEntity.noContent().build();
    }

    // ---- DDS ----

    record DdsRequest(
            @NotBlank String referenceNumber,
            @NotBlank String verificationNumber,
            @NotNull Instant filedAt) {}

    @Operation(
            operationId = "recordShipmentDdsReference",
            summary = "Record the DDS reference and verification number the buyer filed in TRACES",
            description = "Buyer organisation (or the owner's administrator). amendableUntil = filedAt + 72 h.")
    @PostMapping("/api/shipments/{id}/eudr/dds-references")
    @PreAuthorize("hasAuthority('eudr:dds-record')")
    ResponseEntity<DdsView> recordDds(@PathVariable UUID id, @Valid @RequestBody DdsRequest request) {
        StoredDds d = eudr.recordDds(
                id,
                actor(),
                new EudrService.DdsInput(request.referenceNumber(), request.verificationNumber(), request.filedAt()));
        return ResponseEntity.created(URI.create("/api/shipments/" + id + "/eudr/dds-references/" + d.id()))
                .body(dds(d));
    }

    @Operation(
            operationId = "amendShipmentDdsReference",
            summary = "Amend a DDS reference; only within 72 h of filedAt (409 dds-amend-window-closed after)")
    @PutMapping("/api/shipments/{id}/eudr/dds-references/{refId}")
    @PreAuthorize("hasAuthority('eudr:dds-record')")
    DdsView amendDds(@PathVariable UUID id, @PathVariable UUID refId, @Valid @RequestBody DdsRequest request) {
        return dds(eudr.amendDds(
                id,
                refId,
                actor(),
                new EudrService.DdsInput(request.referenceNumber(), request.verificationNumber(), request.filedAt())));
    }

    // ---- DDS-ready package ----

    @Operation(
            operationId = "downloadShipmentDdsPackage",
            summary = "DDS-ready package: a GeoJSON FeatureCollection of every plot with the commodity data",
            description =
                    "Owner or buyer. The foreign member \"dds\" carries activity type, HS heading, description"
                            + " (<= 150 characters), net weight, countries of production, producers and the internal reference.")
    @GetMapping(path = "/api/shipments/{id}/eudr/dds-package", produces = "application/geo+json")
    @PreAuthorize("hasAuthority('shipments:read')")
    ResponseEntity<StreamingResponseBody> ddsPackage(@PathVariable UUID id) {
        Overview overview = eudr.packageSource(id, actor());
        ObjectNode document = DdsPackage.build(overview);
        String file = "dds-" + overview.facts().reference().replaceAll("[^A-Za-z0-9._-]", "_") + ".geojson";
        return ResponseEntity.ok()
                .contentType(GEO_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(out -> JSON.writeValue(out, document));
    }

    /** Builds the package document; kept beside the controller because only the download uses it. */
    static final class DdsPackage {

        static final int DESCRIPTION_MAX = 150;

        private DdsPackage() {}

        static ObjectNode build(Overview overview) {
            Facts facts = overview.facts();
            ObjectNode root = JSON.createObjectNode();
            root.put("type", "FeatureCollection");
            ArrayNode features = root.putArray("features");
            Set<String> countries = new LinkedHashSet<>();
            Map<String, ObjectNode> producers = new LinkedHashMap<>();
            for (EudrService.OriginState s : overview.origins()) {
                StoredOrigin o = s.origin();
                features.add(JSON.readTree(o.feature()));
                if (o.producerCountry() != null) {
                    countries.add(o.producerCountry());
                }
                if (o.producerName() != null) {
                    String key = o.producerName() + "|" + o.producerCountry();
                    producers.computeIfAbsent(key, k -> {
                        ObjectNode p = JSON.createObjectNode();
                        p.put("name", o.producerName());
                        p.put("country", o.producerCountry());
                        return p;
                    });
                }
            }
            ObjectNode dds = root.putObject("dds");
            dds.put("activityType", "export");
            String reference = facts.reference();
            dds.put("internalReference", reference.length() > 50 ? reference.substring(0, 50) : reference);
            ArrayNode commodities = dds.putArray("commodities");
            for (ProductLineFact line : facts.productLines()) {
                ObjectNode c = commodities.addObject();
                c.put("linePosition", line.position());
                String hs = line.hsCode();
                c.put("hsHeading", hs.length() > 6 ? hs.substring(0, 6) : hs);
                String description = line.description();
                c.put(
                        "description",
                        description.length() > DESCRIPTION_MAX
                                ? description.substring(0, DESCRIPTION_MAX)
                                : description);
                if (line.netWeightKg() != null) {
                    c.put("netWeightKg", line.netWeightKg());
                } else {
                    c.putNull("netWeightKg");
                }
                Set<String> lineCountries = new LinkedHashSet<>();
                List<String> linePlots = new ArrayList<>();
                for (EudrService.OriginState s : overview.origins()) {
                    if (s.origin().linePositions().contains(line.position())) {
                        linePlots.add(s.origin().id().toString());
                        if (s.origin().producerCountry() != null) {
                            lineCountries.add(s.origin().producerCountry());
                        }
                    }
                }
                ArrayNode lc = c.putArray("countriesOfProduction");
                lineCountries.forEach(lc::add);
                ArrayNode lp = c.putArray("plotIds");
                linePlots.forEach(lp::add);
            }
            ArrayNode cs = dds.putArray("countriesOfProduction");
            countries.forEach(cs::add);
            ArrayNode ps = dds.putArray("producers");
            producers.values().forEach(ps::add);
            dds.put("plotCount", overview.origins().size());
            dds.put("assessmentStatus", overview.assessment().status());
            return root;
        }
    }
}
