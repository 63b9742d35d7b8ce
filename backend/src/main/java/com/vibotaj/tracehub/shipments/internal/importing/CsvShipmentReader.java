package com.vibotaj.tracehub.shipments.internal.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the shipment CSV into rows keyed by column, remembering each row's physical line so reports
 * point at the line a spreadsheet shows. Whatever makes the whole file unreadable (size, encoding,
 * broken quoting, unknown columns) is an {@link ImportFileProblem}; everything else is left to the rows.
 */
final class CsvShipmentReader {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    private static final List<ImportColumn> REQUIRED = List.of(ImportColumn.REFERENCE, ImportColumn.PRODUCT_TYPE);

    // Empty lines are kept (and skipped below) so the parser's line count stays the physical one.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private CsvShipmentReader() {}

    /** One data row: its first physical line (the header is line 1) and its non-blank values. */
    record CsvRow(long line, Map<ImportColumn, String> values, boolean hasExtraValues) {}

    static List<CsvRow> read(byte[] csv) {
        if (csv.length > MAX_BYTES) {
            throw ImportFileProblem.fileTooLarge();
        }
        String text = decode(csv);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<ImportColumn> columns = header(records);
            List<CsvRow> rows = new ArrayList<>();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                if (!next(records, line)) {
                    return rows;
                }
                CsvRow row = row(records.next(), columns, line);
                if (row.values().isEmpty() && !row.hasExtraValues()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw ImportFileProblem.tooManyRows();
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    private static String decode(byte[] csv) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(csv))
                    .toString();
            if (text.indexOf('\u0000') >= 0) {
                // PostgreSQL text cannot hold NUL; such a file is a binary export, not a CSV.
                throw ImportFileProblem.notUtf8();
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ImportFileProblem.notUtf8();
        }
    }

    private static boolean next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw ImportFileProblem.malformed(
                    line,
                    "a quoted value is not closed, or a closing quote is followed by more text."
                            + " Quotes inside a quoted value must be doubled (\"\").");
        }
    }

    private static List<ImportColumn> header(Iterator<CSVRecord> records) {
        if (!next(records, 1)) {
            throw ImportFileProblem.empty();
        }
        CSVRecord header = records.next();
        List<ImportColumn> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<ImportColumn> seen = new LinkedHashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        // Unknown or repeated columns end the import below, so the positions of columns line up with cells.
        for (String cell : header) {
            var column = ImportColumn.byHeader(cell);
            if (column.isEmpty()) {
                unknown.add(cell.isBlank() ? "(blank)" : cell);
            } else if (!seen.add(column.get())) {
                repeated.add(column.get().header());
            }
            column.ifPresent(columns::add);
        }
        List<String> missing = REQUIRED.stream()
                .filter(c -> !seen.contains(c))
                .map(ImportColumn::header)
                .toList();
        if (!unknown.isEmpty() || !missing.isEmpty() || !repeated.isEmpty()) {
            throw ImportFileProblem.columns(unknown, missing, List.copyOf(repeated));
        }
        return columns;
    }

    private static CsvRow row(CSVRecord record, List<ImportColumn> columns, long line) {
        Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        boolean extra = false;
        for (int i = 0; i < record.size(); i++) {
            String value = record.get(i);
            if (value.isBlank()) {
                continue;
            }
            if (i < columns.size()) {
                values.put(columns.get(i), value.strip());
            } else {
                extra = true;
            }
        }
        return new CsvRow(line, values, extra);
    }
}
