package com.vibotaj.tracehub.shipments.internal.importing;

import static com.vibotaj.tracehub.shipments.internal.importing.ImportColumn.*;

import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentFields.ContainerLine;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import com.vibotaj.tracehub.shipments.internal.importing.CsvShipmentReader.CsvRow;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns one CSV row into shipment fields: the cell formats (dates, numbers, status, lists, partner
 * names) are checked here and reported under the column's name; what the fields mean is left to the
 * shipment validation, as for the API.
 */
final class ShipmentRowParser {

    static final int MAX_LIST_ITEMS = 20;
    static final int MAX_CONTAINERS = 200;

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
        RowCells cells = new RowCells(row.values());
        if (row.hasExtraValues()) {
            cells.errors.add(new FieldError("row", "has more values than the header has columns"));
        }
        String reference = cells.get(REFERENCE); // read before the checks so the report can show it
        cells.lengths();
        if (reference == null) {
            cells.error(REFERENCE, "is required");
        } else if (!cells.inError(REFERENCE) && !reference.matches(ShipmentFields.REFERENCE_PATTERN)) {
            cells.error(REFERENCE, "must be 2–40 letters, digits or / _ . - (e.g. VIBO-2026-014)");
        }
        String productType = cells.get(PRODUCT_TYPE);
        if (productType == null && !cells.inError(PRODUCT_TYPE)) {
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
}
