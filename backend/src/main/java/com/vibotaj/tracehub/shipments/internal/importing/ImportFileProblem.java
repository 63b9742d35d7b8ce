package com.vibotaj.tracehub.shipments.internal.importing;

import com.vibotaj.tracehub.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A CSV file that cannot be read as a whole, so no row can be reported on (docs/api/problems.md). */
public final class ImportFileProblem extends ProblemException {

    private final Map<String, Object> properties;

    private ImportFileProblem(
            HttpStatus status, String kind, String title, String detail, Map<String, Object> properties) {
        super(status, kind, title, detail);
        this.properties = Map.copyOf(properties);
    }

    public static ImportFileProblem fileTooLarge() {
        return tooLarge("The file is larger than " + CsvShipmentReader.MAX_BYTES / (1024 * 1024)
                + " MB. Split it into several files of at most " + CsvShipmentReader.MAX_ROWS + " rows.");
    }

    static ImportFileProblem tooManyRows() {
        return tooLarge("The file has more than " + CsvShipmentReader.MAX_ROWS
                + " shipment rows. Split it into several files of at most " + CsvShipmentReader.MAX_ROWS + " rows.");
    }

    private static ImportFileProblem tooLarge(String detail) {
        return new ImportFileProblem(
                HttpStatus.CONTENT_TOO_LARGE, "import-too-large", "File too large", detail, Map.of());
    }

    static ImportFileProblem malformed(long line, String detail) {
        return new ImportFileProblem(
                HttpStatus.BAD_REQUEST,
                "import-malformed-csv",
                "Malformed CSV",
                "Line " + line + ": " + detail,
                Map.of("line", line));
    }

    static ImportFileProblem notUtf8() {
        return new ImportFileProblem(
                HttpStatus.BAD_REQUEST,
                "import-malformed-csv",
                "Malformed CSV",
                "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.",
                Map.of());
    }

    static ImportFileProblem empty() {
        return new ImportFileProblem(
                HttpStatus.BAD_REQUEST,
                "import-malformed-csv",
                "Malformed CSV",
                "The file is empty: it needs a header line naming the columns (download the template).",
                Map.of());
    }

    static ImportFileProblem columns(List<String> unknown, List<String> missing, List<String> repeated) {
        StringBuilder detail = new StringBuilder();
        if (!unknown.isEmpty()) {
            detail.append("Unknown columns: ")
                    .append(String.join(", ", unknown))
                    .append(". ");
        }
        if (!missing.isEmpty()) {
            detail.append("Missing required columns: ")
                    .append(String.join(", ", missing))
                    .append(". ");
        }
        if (!repeated.isEmpty()) {
            detail.append("Columns given twice: ")
                    .append(String.join(", ", repeated))
                    .append(". ");
        }
        detail.append("The columns are ")
                .append(String.join(
                        ", ",
                        java.util.Arrays.stream(ImportColumn.values())
                                .map(ImportColumn::header)
                                .toList()))
                .append(" (comma-separated, any order).");
        return new ImportFileProblem(
                HttpStatus.BAD_REQUEST,
                "import-columns",
                "Unknown or missing columns",
                detail.toString(),
                Map.of("unknownColumns", unknown, "missingColumns", missing, "repeatedColumns", repeated));
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
