package com.vibotaj.tracehub.shipments.internal;

import com.vibotaj.tracehub.identity.OrganizationType;
import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.reference.ReferenceData;
import com.vibotaj.tracehub.shipments.ContainerNumber;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks what shipment fields mean (format is checked by the request records): known product type,
 * partner organisations of the right kind, valid and distinct container numbers, HS codes, ports.
 * Collects every problem at once so a form or an import row can show them all.
 */
@Component
public class ShipmentValidation {

    private static final Pattern HS_CODE = Pattern.compile("^[0-9]{4,10}$");
    private static final Pattern UNLOCODE = Pattern.compile("^[A-Z]{2}[A-Z2-9]{3}$");
    private static final Pattern SCAC = Pattern.compile("^[A-Z]{4}$");
    private static final Set<String> INCOTERMS =
            Set.of("EXW", "FCA", "FAS", "FOB", "CFR", "CIF", "CPT", "CIP", "DAP", "DPU", "DDP");
    private static final Set<String> PLACEHOLDERS = Set.of("TBD", "TBA", "NA", "N/A", "UNKNOWN", "PENDING", "-");

    private final ReferenceData reference;
    private final Partners partners;

    ShipmentValidation(ReferenceData reference, Partners partners) {
        this.reference = reference;
        this.partners = partners;
    }

    /** The fields as they will be stored (normalised), plus whether a port is not in the reference table. */
    public record Checked(ShipmentFields fields, boolean unknownPort) {}

    public Checked check(UUID organizationId, ShipmentFields in) {
        List<FieldError> errors = new ArrayList<>();
        if (reference.productType(in.productType()).isEmpty()) {
            errors.add(new FieldError("productType", "is not a known product type"));
        }
        if (in.buyerOrganizationId() != null) {
            checkPartner(
                    organizationId, in.buyerOrganizationId(), OrganizationType.BUYER, "buyerOrganizationId", errors);
        }
        for (int i = 0; i < in.supplierOrganizationIds().size(); i++) {
            checkPartner(
                    organizationId,
                    in.supplierOrganizationIds().get(i),
                    OrganizationType.SUPPLIER,
                    "supplierOrganizationIds[" + i + "]",
                    errors);
        }
        for (int i = 0; i < in.logisticsOrganizationIds().size(); i++) {
            checkPartner(
                    organizationId,
                    in.logisticsOrganizationIds().get(i),
                    OrganizationType.LOGISTICS,
                    "logisticsOrganizationIds[" + i + "]",
                    errors);
        }
        List<ContainerLine> containers = containers(in.containers(), errors);
        Set<String> numbers = new HashSet<>();
        containers.forEach(c -> numbers.add(c.number()));
        List<ProductLine> lines = productLines(in.productLines(), numbers, errors);

        String pol = upper(in.portOfLoading());
        String pod = upper(in.portOfDischarge());
        boolean unknownPort = false;
        for (var port : List.of(new String[] {"portOfLoading", pol}, new String[] {"portOfDischarge", pod})) {
            if (port[1] == null) {
                continue;
            }
            if (!UNLOCODE.matcher(port[1]).matches()) {
                errors.add(new FieldError(port[0], "must be a UN/LOCODE such as NGAPP"));
            } else if (reference.location(port[1]).isEmpty()) {
                unknownPort = true;
            }
        }
        if (pol != null && pol.equals(pod)) {
            errors.add(new FieldError("portOfDischarge", "must differ from the port of loading"));
        }
        String scac = upper(in.carrierScac());
        String carrierName = blank(in.carrierName());
        if (scac != null) {
            if (!SCAC.matcher(scac).matches()) {
                errors.add(new FieldError("carrierScac", "must be a 4-letter SCAC code such as MAEU"));
            } else if (carrierName == null) {
                carrierName = reference.carrier(scac).map(c -> c.name()).orElse(null);
            }
        }
        String incoterms = upper(in.incoterms());
        if (incoterms != null && !INCOTERMS.contains(incoterms)) {
            errors.add(new FieldError("incoterms", "must be an Incoterms 2020 rule such as FOB or CIF"));
        }
        if (in.etd() != null && in.eta() != null && in.eta().isBefore(in.etd())) {
            errors.add(new FieldError("eta", "must not be before the ETD"));
        }
        if (in.atd() != null && in.ata() != null && in.ata().isBefore(in.atd())) {
            errors.add(new FieldError("ata", "must not be before the ATD"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ShipmentFields out = new ShipmentFields(
                in.reference().strip(),
                in.productType(),
                in.buyerOrganizationId(),
                List.copyOf(new LinkedHashSet<>(in.supplierOrganizationIds())),
                List.copyOf(new LinkedHashSet<>(in.logisticsOrganizationIds())),
                blank(in.exporterName()),
                blank(in.exporterAddress()),
                blank(in.importerName()),
                blank(in.importerAddress()),
                upper(in.billOfLading()),
                blank(in.bookingReference()),
                scac,
                carrierName,
                blank(in.vesselName()),
                blank(in.voyage()),
                pol,
                pod,
                blank(in.finalDestination()),
                incoterms,
                in.etd(),
                in.eta(),
                in.atd(),
                in.ata(),
                blank(in.notes()),
                containers,
                lines);
        return new Checked(out, unknownPort);
    }

    private void checkPartner(
            UUID organizationId, UUID partner, OrganizationType expected, String field, List<FieldError> errors) {
        var found = partners.find(organizationId, partner);
        if (found.isEmpty()) {
            errors.add(new FieldError(field, "is not one of your partner organisations"));
        } else if (found.get().type() != expected) {
            errors.add(new FieldError(field, "is a " + found.get().type().value() + ", not a " + expected.value()));
        }
    }

    private static List<ContainerLine> containers(List<ContainerLine> in, List<FieldError> errors) {
        List<ContainerLine> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            ContainerLine c = in.get(i);
            String field = "containers[" + i + "].number";
            String number = ContainerNumber.normalise(c.number());
            if (PLACEHOLDERS.contains(c.number().strip().toUpperCase(Locale.ROOT))) {
                errors.add(new FieldError(
                        field, "is a placeholder, not a container number: leave the container out until it is known"));
                continue;
            }
            var problem = ContainerNumber.problem(number);
            if (problem.isPresent()) {
                errors.add(new FieldError(field, problem.get()));
                continue;
            }
            if (!seen.add(number)) {
                errors.add(new FieldError(field, "appears twice on this shipment"));
                continue;
            }
            String isoType = upper(c.isoType());
            if (isoType != null && !isoType.matches("^[0-9A-Z]{4}$")) {
                errors.add(
                        new FieldError("containers[" + i + "].isoType", "must be an ISO size/type code such as 22G1"));
            }
            if (c.grossWeightKg() != null && c.grossWeightKg().signum() <= 0) {
                errors.add(new FieldError("containers[" + i + "].grossWeightKg", "must be positive"));
            }
            out.add(new ContainerLine(number, isoType, blank(c.sealNumber()), c.grossWeightKg()));
        }
        return out;
    }

    private static List<ProductLine> productLines(
            List<ProductLine> in, Set<String> containers, List<FieldError> errors) {
        List<ProductLine> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            ProductLine l = in.get(i);
            String prefix = "productLines[" + i + "].";
            String hs = l.hsCode().replaceAll("[\\s.]", "");
            if (!HS_CODE.matcher(hs).matches()) {
                errors.add(new FieldError(prefix + "hsCode", "must be 4 to 10 digits (e.g. 1801 or 180100)"));
            }
            if (l.description().isBlank()) {
                errors.add(new FieldError(prefix + "description", "is required"));
            }
            for (var w : List.of(
                    new Object[] {"netWeightKg", l.netWeightKg()}, new Object[] {"grossWeightKg", l.grossWeightKg()})) {
                if (w[1] instanceof java.math.BigDecimal d && d.signum() <= 0) {
                    errors.add(new FieldError(prefix + w[0], "must be positive"));
                }
            }
            if (l.netWeightKg() != null
                    && l.grossWeightKg() != null
                    && l.netWeightKg().compareTo(l.grossWeightKg()) > 0) {
                errors.add(new FieldError(prefix + "netWeightKg", "must not exceed the gross weight"));
            }
            if (l.packages() != null && l.packages() <= 0) {
                errors.add(new FieldError(prefix + "packages", "must be positive"));
            }
            if (l.moisturePercent() != null
                    && (l.moisturePercent().signum() < 0
                            || l.moisturePercent().compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
                errors.add(new FieldError(prefix + "moisturePercent", "must be between 0 and 100"));
            }
            String container = l.containerNumber() == null ? null : ContainerNumber.normalise(l.containerNumber());
            if (container != null && container.isEmpty()) {
                container = null;
            }
            if (container != null && !containers.contains(container)) {
                errors.add(new FieldError(prefix + "containerNumber", "is not one of this shipment's containers"));
            }
            out.add(new ProductLine(
                    hs,
                    l.description().strip(),
                    l.netWeightKg(),
                    l.grossWeightKg(),
                    l.packages(),
                    blank(l.packagingType()),
                    blank(l.batchNumbers()),
                    blank(l.qualityGrade()),
                    l.moisturePercent(),
                    container));
        }
        return out;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String upper(@Nullable String s) {
        String b = blank(s);
        return b == null ? null : b.toUpperCase(Locale.ROOT);
    }
}
