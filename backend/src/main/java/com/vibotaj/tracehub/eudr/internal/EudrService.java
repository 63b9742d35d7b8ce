package com.vibotaj.tracehub.eudr.internal;

import com.vibotaj.tracehub.eudr.DdsReferenceRecorded;
import com.vibotaj.tracehub.eudr.EudrAssessment;
import com.vibotaj.tracehub.eudr.EudrAssessments;
import com.vibotaj.tracehub.eudr.EudrEvidence;
import com.vibotaj.tracehub.eudr.EudrOriginsChanged;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredDds;
import com.vibotaj.tracehub.eudr.internal.EudrStore.StoredOrigin;
import com.vibotaj.tracehub.eudr.internal.geojson.CountryBoxes;
import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonReport;
import com.vibotaj.tracehub.eudr.internal.geojson.GeoJsonValidator;
import com.vibotaj.tracehub.identity.Permission;
import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.reference.Country;
import com.vibotaj.tracehub.reference.ReferenceData;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFacts.Facts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EUDR for one shipment at a time, in the caller's tenant scope: applicability, the assessment, plots
 * and the DDS ledger. Authorisation by organisation (owner, supplier party, buyer) is checked here; the
 * role's permission by the web layer; row-level security backs both.
 */
@Service
public class EudrService implements EudrAssessments {

    /** A DDS can be amended or withdrawn in the EU Information System only within 72 hours of filing. */
    public static final Duration AMEND_WINDOW = Duration.ofHours(72);

    private final ShipmentFacts shipments;
    private final ReferenceData reference;
    private final EudrStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile @Nullable GeoJsonValidator validator;

    EudrService(
            ShipmentFacts shipments,
            ReferenceData reference,
            EudrStore store,
            ApplicationEventPublisher events,
            Clock clock) {
        this.shipments = shipments;
        this.reference = reference;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Built on first use: it needs the reference countries, which only a transaction can read. */
    @Transactional(readOnly = true)
    public GeoJsonValidator validator() {
        GeoJsonValidator v = validator;
        if (v == null) {
            v = new GeoJsonValidator(
                    reference.countries().stream().map(Country::code).collect(Collectors.toSet()),
                    CountryBoxes.bundled());
            validator = v;
        }
        return v;
    }

    public GeoJsonReport validate(byte[] geojson) {
        return validator().validate(geojson);
    }

    /** Everything the EUDR card shows. */
    public record Overview(
            Facts facts,
            EudrAssessment assessment,
            List<String> annexIHeadings,
            List<OriginState> origins,
            List<StoredDds> ddsReferences) {}

    /** A plot with whether it still passes validation (reference data can change after saving). */
    public record OriginState(StoredOrigin origin, GeoJsonReport report) {}

    @Transactional(readOnly = true)
    public Overview overview(UUID shipmentId) {
        Facts facts = facts(shipmentId);
        List<String> matched = matchedHeadings(facts);
        if (!applicable(facts, matched)) {
            return new Overview(facts, notApplicable(), matched, List.of(), store.ddsReferences(shipmentId));
        }
        List<OriginState> origins = store.origins(shipmentId).stream()
                .map(o -> new OriginState(o, validator().validate(o.feature().getBytes(StandardCharsets.UTF_8))))
                .toList();
        List<StoredDds> dds = store.ddsReferences(shipmentId);
        return new Overview(facts, assess(facts, origins, dds), matched, origins, dds);
    }

    @Override
    @Transactional(readOnly = true)
    public EudrAssessment assess(UUID shipmentId) {
        return overview(shipmentId).assessment();
    }

    @Override
    @Transactional(readOnly = true)
    public EudrEvidence evidence(UUID shipmentId) {
        Overview overview = overview(shipmentId);
        return new EudrEvidence(
                overview.assessment(),
                overview.origins().stream()
                        .map(OriginState::origin)
                        .map(o -> new EudrEvidence.Plot(
                                o.id(),
                                o.producerName(),
                                o.producerCountry(),
                                o.productionPlace(),
                                o.areaHa(),
                                o.computedAreaHa(),
                                o.geometryType(),
                                o.productionStart(),
                                o.productionEnd(),
                                o.linePositions(),
                                o.feature()))
                        .toList(),
                overview.assessment().applicable()
                        ? overview.ddsReferences().stream()
                                .map(d -> new EudrEvidence.DdsReference(
                                        d.referenceNumber(), d.verificationNumber(), d.filedAt(), d.amendedAt()))
                                .toList()
                        : List.of());
    }

    private EudrAssessment assess(Facts facts, List<OriginState> origins, List<StoredDds> dds) {
        Set<UUID> valid = origins.stream()
                .filter(o -> o.report().valid())
                .map(o -> o.origin().id())
                .collect(Collectors.toSet());
        Map<String, String> risk =
                reference.countries().stream().collect(Collectors.toMap(Country::code, Country::eudrRisk));
        return AssessmentPolicy.assess(
                facts,
                origins.stream().map(OriginState::origin).toList(),
                valid,
                dds,
                store.regulationDate("cut_off"),
                risk,
                validator()::isCountry);
    }

    private static EudrAssessment notApplicable() {
        return new EudrAssessment(false, EudrAssessment.NOT_APPLICABLE, null, List.of());
    }

    private Facts facts(UUID shipmentId) {
        return shipments.find(shipmentId).orElseThrow(() -> NotFoundException.of("Shipment", shipmentId));
    }

    /** Annex I headings the shipment's product lines fall under. */
    private List<String> matchedHeadings(Facts facts) {
        List<String> headings = store.annexIHeadings();
        return facts.productLines().stream()
                .flatMap(l -> headings.stream().filter(h -> l.hsCode().startsWith(h)))
                .distinct()
                .sorted()
                .toList();
    }

    /** In scope when the product type is flagged Annex I or any line's HS code is under an Annex I heading. */
    private boolean applicable(Facts facts, List<String> matchedHeadings) {
        boolean byType = reference
                .productType(facts.productType())
                .map(p -> p.eudrAnnexI())
                .orElse(false);
        return byType || !matchedHeadings.isEmpty();
    }

    /** Who acts: the organisation and user of the request, and which EUDR permissions their role holds. */
    public record Actor(UUID userId, UUID organizationId, Set<String> permissions) {}

    public record NewOrigins(
            byte[] geojson,
            @Nullable LocalDate productionStart,
            @Nullable LocalDate productionEnd,
            List<Integer> linePositions,
            boolean acceptRepairs) {}

    public record Saved(List<UUID> originIds, GeoJsonReport report) {}

    @Transactional
    public Saved addOrigins(UUID shipmentId, Actor actor, NewOrigins request) {
        Facts facts = facts(shipmentId);
        boolean owner =
                facts.ownedBy(actor.organizationId()) && actor.permissions().contains(Permission.EUDR_MANAGE);
        boolean supplier = facts.supplierOrganizationIds().contains(actor.organizationId())
                && actor.permissions().contains(Permission.EUDR_ORIGINS_SUBMIT);
        if (!owner && !supplier) {
            throw EudrProblems.forbidden(
                    "Only the exporter's compliance staff or a supplier of this shipment may add plots.");
        }
        if (!applicable(facts, matchedHeadings(facts))) {
            throw EudrProblems.notApplicable(facts.productType());
        }
        List<ValidationException.FieldError> errors = new ArrayList<>();
        Set<Integer> positions = facts.productLines().stream()
                .map(ShipmentFacts.ProductLineFact::position)
                .collect(Collectors.toSet());
        for (int i = 0; i < request.linePositions().size(); i++) {
            Integer p = request.linePositions().get(i);
            if (p == null || !positions.contains(p)) {
                errors.add(new ValidationException.FieldError(
                        "linePositions[" + i + "]",
                        "The shipment has no product line at position " + p + " (it has "
                                + new java.util.TreeSet<>(positions) + ")."));
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (request.productionStart() != null
                && request.productionEnd() != null
                && request.productionStart().isAfter(request.productionEnd())) {
            errors.add(new ValidationException.FieldError("productionEnd", "Production cannot end before it starts."));
        }
        if (request.productionStart() != null && request.productionStart().isAfter(today)) {
            errors.add(new ValidationException.FieldError("productionStart", "Production cannot start in the future."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        GeoJsonReport report = validate(request.geojson());
        List<String> applied = List.of();
        if (!report.valid() && request.acceptRepairs() && report.repaired() != null) {
            applied =
                    report.repairs().stream().map(GeoJsonReport.Repair::message).toList();
            report = validator().validate(report.repaired().toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!report.valid()) {
            throw EudrProblems.invalidGeoJson(report);
        }
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        for (GeoJsonReport.Plot plot : report.plots()) {
            UUID id = UUID.randomUUID();
            store.insertOrigin(new StoredOrigin(
                    id,
                    shipmentId,
                    facts.organizationId(),
                    actor.userId(),
                    actor.organizationId(),
                    plot.producerName(),
                    plot.producerCountry(),
                    plot.productionPlace(),
                    plot.declaredAreaHa(),
                    BigDecimal.valueOf(plot.computedAreaHa()).setScale(4, RoundingMode.HALF_UP),
                    plot.index(),
                    plot.geometryType(),
                    plot.feature().toString(),
                    request.productionStart(),
                    request.productionEnd() != null ? request.productionEnd() : request.productionStart(),
                    applied,
                    now,
                    new ArrayList<>(new java.util.TreeSet<>(request.linePositions()))));
            ids.add(id);
        }
        events.publishEvent(new EudrOriginsChanged(shipmentId, facts.organizationId()));
        return new Saved(ids, report);
    }

    @Transactional
    public void removeOrigin(UUID shipmentId, UUID originId, Actor actor, @Nullable String reason) {
        Facts facts = facts(shipmentId);
        StoredOrigin origin =
                store.origin(shipmentId, originId).orElseThrow(() -> NotFoundException.of("Plot", originId));
        boolean owner =
                facts.ownedBy(actor.organizationId()) && actor.permissions().contains(Permission.EUDR_MANAGE);
        boolean supplier = facts.supplierOrganizationIds().contains(actor.organizationId())
                && origin.createdByOrganizationId().equals(actor.organizationId())
                && actor.permissions().contains(Permission.EUDR_ORIGINS_SUBMIT);
        if (!owner && !supplier) {
            throw EudrProblems.forbidden(
                    "Only the exporter's compliance staff, or the supplier that added this plot, may remove it.");
        }
        if (!store.remove(originId, actor.userId(), clock.instant(), reason)) {
            throw NotFoundException.of("Plot", originId);
        }
        events.publishEvent(new EudrOriginsChanged(shipmentId, facts.organizationId()));
    }

    public record DdsInput(String referenceNumber, String verificationNumber, Instant filedAt) {}

    @Transactional
    public StoredDds recordDds(UUID shipmentId, Actor actor, DdsInput input) {
        Facts facts = ddsFacts(shipmentId, actor);
        validateDds(input);
        Instant now = clock.instant();
        StoredDds dds = new StoredDds(
                UUID.randomUUID(),
                shipmentId,
                facts.organizationId(),
                facts.buyerOrganizationId(),
                input.referenceNumber().strip(),
                input.verificationNumber().strip(),
                input.filedAt(),
                actor.userId(),
                actor.organizationId(),
                now,
                null);
        store.insertDds(dds);
        events.publishEvent(new DdsReferenceRecorded(shipmentId, facts.organizationId()));
        return dds;
    }

    @Transactional
    public StoredDds amendDds(UUID shipmentId, UUID ddsId, Actor actor, DdsInput input) {
        Facts facts = ddsFacts(shipmentId, actor);
        StoredDds before = store.ddsReferences(shipmentId).stream()
                .filter(d -> d.id().equals(ddsId))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("DDS reference", ddsId));
        Instant now = clock.instant();
        Instant until = before.filedAt().plus(AMEND_WINDOW);
        if (now.isAfter(until)) {
            throw EudrProblems.amendWindowClosed(until.toString());
        }
        validateDds(input);
        store.amendDds(
                before,
                input.referenceNumber().strip(),
                input.verificationNumber().strip(),
                input.filedAt(),
                actor.userId(),
                now);
        events.publishEvent(new DdsReferenceRecorded(shipmentId, facts.organizationId()));
        return store.ddsReferences(shipmentId).stream()
                .filter(d -> d.id().equals(ddsId))
                .findFirst()
                .orElseThrow();
    }

    private Facts ddsFacts(UUID shipmentId, Actor actor) {
        Facts facts = facts(shipmentId);
        if (!facts.boughtBy(actor.organizationId()) && !facts.ownedBy(actor.organizationId())) {
            throw EudrProblems.forbidden(
                    "Only the shipment's buyer (or the exporter's administrator) records DDS references.");
        }
        if (!applicable(facts, matchedHeadings(facts))) {
            throw EudrProblems.notApplicable(facts.productType());
        }
        return facts;
    }

    private void validateDds(DdsInput input) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        String pattern = "[A-Za-z0-9-]{3,50}";
        if (!input.referenceNumber().strip().matches(pattern)) {
            errors.add(new ValidationException.FieldError(
                    "referenceNumber",
                    "Give the DDS reference number as TRACES shows it (3-50 letters, digits or dashes)."));
        }
        if (!input.verificationNumber().strip().matches(pattern)) {
            errors.add(new ValidationException.FieldError(
                    "verificationNumber",
                    "Give the verification number as TRACES shows it (3-50 letters, digits or dashes)."));
        }
        if (input.filedAt().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            errors.add(new ValidationException.FieldError("filedAt", "The filing time cannot be in the future."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public Instant amendableUntil(StoredDds dds) {
        return dds.filedAt().plus(AMEND_WINDOW);
    }

    public boolean amendable(StoredDds dds) {
        return !clock.instant().isAfter(amendableUntil(dds));
    }

    /** What the DDS-ready package is built from; only the owner and the buyer may take it. */
    @Transactional(readOnly = true)
    public Overview packageSource(UUID shipmentId, Actor actor) {
        Overview overview = overview(shipmentId);
        Facts facts = overview.facts();
        if (!facts.ownedBy(actor.organizationId()) && !facts.boughtBy(actor.organizationId())) {
            throw EudrProblems.forbidden("Only the exporter and the buyer may download the DDS package.");
        }
        if (!overview.assessment().applicable()) {
            throw EudrProblems.notApplicable(facts.productType());
        }
        return overview;
    }

    /** Which EUDR actions this organisation may take on the shipment (drives the UI). */
    public Set<String> actions(Facts facts, Actor actor, boolean applicable) {
        Set<String> actions = new HashSet<>();
        if (!applicable) {
            return actions;
        }
        if ((facts.ownedBy(actor.organizationId()) && actor.permissions().contains(Permission.EUDR_MANAGE))
                || (facts.supplierOrganizationIds().contains(actor.organizationId())
                        && actor.permissions().contains(Permission.EUDR_ORIGINS_SUBMIT))) {
            actions.add("add_origins");
        }
        if ((facts.ownedBy(actor.organizationId()) || facts.boughtBy(actor.organizationId()))
                && actor.permissions().contains(Permission.EUDR_DDS_RECORD)) {
            actions.add("record_dds");
        }
        if (facts.ownedBy(actor.organizationId()) || facts.boughtBy(actor.organizationId())) {
            actions.add("download_package");
        }
        return actions;
    }
}
