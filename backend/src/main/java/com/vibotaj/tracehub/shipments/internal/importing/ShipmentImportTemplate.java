package com.vibotaj.tracehub.shipments.internal.importing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV a user starts from: every column in the order of the documentation, and one example row. */
public final class ShipmentImportTemplate {

    private ShipmentImportTemplate() {}

    public static String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::header));
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::example));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
