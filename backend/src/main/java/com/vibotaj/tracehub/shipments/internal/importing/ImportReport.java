package com.vibotaj.tracehub.shipments.internal.importing;

import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an import found in every row, and how many shipments it created (0 for a dry run). */
@Schema(name = "ShipmentImportReport")
public record ImportReport(
        boolean dryRun, int totalRows, int validRows, int invalidRows, int imported, List<RowReport> rows) {

    public ImportReport {
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param row the physical line the row starts on, counting the header as line 1
     * @param errors each with the column it concerns ({@code row} for the row as a whole)
     */
    @Schema(name = "ShipmentImportRow")
    public record RowReport(long row, @Nullable String reference, boolean valid, List<FieldError> errors) {
        public RowReport {
            errors = List.copyOf(errors);
        }
    }
}
