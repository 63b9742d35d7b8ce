package com.vibotaj.tracehub.shipments.internal.importing;

import static com.vibotaj.tracehub.shipments.internal.importing.ImportColumn.*;

import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.shipments.ShipmentFields.ProductLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One row's cells, read by type (dates, numbers, lists, partners) with the errors found on the way,
 * each under its column's name; a cell in error reads as empty afterwards.
 */
final class RowCells {

    /** Historical shipments are mostly finished ones; a row without a status is taken as delivered. */
    static final ShipmentStatus DEFAULT_STATUS = ShipmentStatus.DELIVERED;

    /** numeric(12, 2) in the database: the smallest positive and the largest storable weight. */
    private static final BigDecimal MIN_WEIGHT = new BigDecimal("0.01");

    private static final BigDecimal MAX_WEIGHT = new BigDecimal("9999999999.99");

    private static final List<ImportColumn> PRODUCT_LINE =
            List.of(HS_CODE, DESCRIPTION, NET_WEIGHT_KG, GROSS_WEIGHT_KG, PACKAGES);

    private static final String STATUSES =
            Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::value).collect(Collectors.joining(", "));

    private final Map<ImportColumn, String> values;
    final List<FieldError> errors = new ArrayList<>();

    RowCells(Map<ImportColumn, String> values) {
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

    boolean inError(ImportColumn column) {
        return errors.stream().anyMatch(e -> e.field().equals(column.header()));
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

    @Nullable
    UUID partner(ImportColumn column, String cell, PartnerDirectory partners) {
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
            if (value.signum() > 0 && value.compareTo(MIN_WEIGHT) < 0) {
                error(column, "must be at least 0.01");
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
                        .anyMatch(e ->
                                PRODUCT_LINE.stream().anyMatch(c -> c.header().equals(e.field())));
        BigDecimal net = weight(NET_WEIGHT_KG);
        BigDecimal gross = weight(GROSS_WEIGHT_KG);
        Integer packages = packages();
        String hs = values.get(HS_CODE);
        String description = values.get(DESCRIPTION);
        if (!anyCell) {
            return List.of();
        }
        if (hs == null && !inError(HS_CODE)) {
            error(HS_CODE, "is required when the row has a product line (description, weights or packages)");
        }
        if (description == null && !inError(DESCRIPTION)) {
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
