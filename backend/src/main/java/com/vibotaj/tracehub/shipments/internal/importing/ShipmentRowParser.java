package com.vibotaj.tracehub.shipments.internal.importing;

import static com.vibotaj.tracehub.shipments.internal.importing.ImportColumn.*;

import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.internal.importing.CsvShipmentReader.CsvRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns one CSV row into shipment fields: the cell formats (dates, numbers, status, lists, partner
 * names) are checked here and reported under the column's name; what the fields mean is left to the
 * shipment validation, as for the API.
 */
final class ShipmentRowParser {

    /** Historical shipments are mostly finished ones; a row without a status is taken as delivered. */
    static final ShipmentStatus DEFAULT_STATUS = ShipmentStatus.DELIVERED;

    static final int MAX_LIST_ITEMS = 20;
    static final int MAX_CONTAINERS = 200;

    /** numeric(12, 2) in the database. */
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("9999999999.99");

    private static final List<ImportColumn> PRODUCT_LINE =
            List.of(HS_CODE, DESCRIPTION, NET_WEIGHT_KG, GROSS_WEIGHT_KG, PACKAGES);

    private static final String STATUSES =
            Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::value).collect(Collectors.joining(", "));

    private ShipmentRowParser() {}

    /** A parsed row: the fields to validate and the cell errors found so far (maybe none). */
    record ParsedRow(
            long line,
            @Nullable String reference,
            ShipmentFields fields,
            ShipmentStatus status,
            List<FieldError> errors) {
        ParsedRow {
            errors = List.copyOf(errors);
        }
    }

    static ParsedRow parse(CsvRow row, PartnerDirectory partners) {
        Cells cells = new Cells(row.values());
        if (row.hasExtraValues()) {
            cells.errors.add(new FieldError("row", "has more values than the header has columns"));
        }
        cells.lengths();
        String reference = cells.get(REFERENCE);
        if (reference == null) {
            cells.error(REFERENCE, "is required");
        } else if (!reference.matches(ShipmentFields.REFERENCE_PATTERN)) {
            cells.error(REFERENCE, "must be 2–40 letters, digits or / _ . - (e.g. VIBO-2026-014)");
        }
        String productType = cells.get(PRODUCT_TYPE);
        if (productType == null) {
            cells.error(PRODUCT_TYPE, "is required");
        }
        String buyer = cells.get(BUYER);
        var buyerId = buyer == null ? null : cells.partner(BUYER, buyer, partners);
        List<java.util.UUID> suppliers = new ArrayList<>();
        List<String> supplierCells = cells.list(SUPPLIERS, MAX_LIST_ITEMS);
        for (String supplier : supplierCells) {
            var id = cells.partner(SUPPLIERS, supplier, partners);
            if (id != null) {
                suppliers.add(id);
            }
        }
        List<ContainerLine> containers = cells.list(CONTAINERS, MAX_CONTAINERS).stream()
                .map(n -> new ContainerLine(n, null, null, null))
                .toList();
        ShipmentFields fields = new ShipmentFields(
                reference == null ? "" : reference,
                productType == null ? "" : productType,
                buyerId,
                suppliers,
                List.of(),
                null,
                null,
                null,
                null,
                cells.get(BILL_OF_LADING),
                cells.get(BOOKING_REFERENCE),
                cells.get(CARRIER_SCAC),
                null,
                cells.get(VESSEL_NAME),
                cells.get(VOYAGE),
                cells.get(PORT_OF_LOADING),
                cells.get(PORT_OF_DISCHARGE),
                null,
                cells.get(INCOTERMS),
                cells.date(ETD),
                cells.date(ETA),
                cells.date(ATD),
                cells.date(ATA),
                cells.get(NOTES),
                containers,
                cells.productLines());
        return new ParsedRow(row.line(), reference, fields, cells.status(), cells.errors);
    }

    /** The row's cells with the errors found while reading them; a cell in error reads as empty. */
    private static final class Cells {
        private final Map<ImportColumn, String> values;
        private final List<FieldError> errors = new ArrayList<>();

        Cells(Map<ImportColumn, String> values) {
            this.values = values;
        }

        @Nullable
        String get(ImportColumn column) {
            return values.get(column);
        }

        void error(ImportColumn column, String message) {
            errors.add(new FieldError(column.header(), message));
            values.remove(column);
        }

        void lengths() {
            for (ImportColumn column : List.copyOf(values.keySet())) {
                if (values.get(column).length() > column.maxLength()) {
                    error(column, "must be at most " + column.maxLength() + " characters");
                }
            }
        }

        List<String> list(ImportColumn column, int max) {
            String cell = values.get(column);
            if (cell == null) {
                return List.of();
            }
            List<String> items = Arrays.stream(cell.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (items.size() > max) {
                error(column, "must list at most " + max + " entries");
                return List.of();
            }
            return items;
        }

        java.util.@Nullable UUID partner(ImportColumn column, String cell, PartnerDirectory partners) {
            PartnerDirectory.Resolution resolution = partners.resolve(cell);
            if (resolution instanceof PartnerDirectory.Found found) {
                return found.id();
            }
            errors.add(new FieldError(column.header(), ((PartnerDirectory.NotFound) resolution).message()));
            return null;
        }

        @Nullable
        OffsetDateTime date(ImportColumn column) {
            String cell = values.get(column);
            if (cell == null) {
                return null;
            }
            try {
                if (cell.length() == 10) {
                    return LocalDate.parse(cell).atStartOfDay().atOffset(ZoneOffset.UTC);
                }
                if (cell.endsWith("Z") || cell.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                    return OffsetDateTime.parse(cell);
                }
                return LocalDateTime.parse(cell).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                error(column, "must be a date such as 2025-03-01 or a date-time such as 2025-03-01T08:00:00Z");
                return null;
            }
        }

        @Nullable
        BigDecimal weight(ImportColumn column) {
            String cell = values.get(column);
            if (cell == null) {
                return null;
            }
            try {
                BigDecimal value = new BigDecimal(cell);
                if (value.abs().compareTo(MAX_WEIGHT) > 0) {
                    error(column, "is too large");
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                error(column, "must be a number such as 24000 or 24000.5 (no thousands separators)");
                return null;
            }
        }

        @Nullable
        Integer packages() {
            String cell = values.get(PACKAGES);
            if (cell == null) {
                return null;
            }
            try {
                return Integer.valueOf(cell);
            } catch (NumberFormatException e) {
                error(PACKAGES, "must be a whole number such as 384");
                return null;
            }
        }

        ShipmentStatus status() {
            String cell = values.get(STATUS);
            if (cell == null) {
                return DEFAULT_STATUS;
            }
            try {
                return ShipmentStatus.of(cell.toLowerCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                error(STATUS, "must be one of " + STATUSES);
                return DEFAULT_STATUS;
            }
        }

        /** One product line when any of its cells is filled; hs_code and description are then required. */
        List<ProductLine> productLines() {
            boolean anyCell = PRODUCT_LINE.stream().anyMatch(values::containsKey)
                    || errors.stream()
                            .anyMatch(e -> PRODUCT_LINE.stream()
                                    .anyMatch(c -> c.header().equals(e.field())));
            BigDecimal net = weight(NET_WEIGHT_KG);
            BigDecimal gross = weight(GROSS_WEIGHT_KG);
            Integer packages = packages();
            String hs = values.get(HS_CODE);
            String description = values.get(DESCRIPTION);
            if (!anyCell) {
                return List.of();
            }
            if (hs == null && errors.stream().noneMatch(e -> e.field().equals(HS_CODE.header()))) {
                error(HS_CODE, "is required when the row has a product line (description, weights or packages)");
            }
            if (description == null && errors.stream().noneMatch(e -> e.field().equals(DESCRIPTION.header()))) {
                error(DESCRIPTION, "is required when the row has a product line (hs_code, weights or packages)");
            }
            return List.of(new ProductLine(
                    hs == null ? "" : hs,
                    description == null ? "" : description,
                    net,
                    gross,
                    packages,
                    null,
                    null,
                    null,
                    null,
                    null));
        }
    }
}
