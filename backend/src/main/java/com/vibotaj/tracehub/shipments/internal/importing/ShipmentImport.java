package com.vibotaj.tracehub.shipments.internal.importing;

import com.vibotaj.tracehub.identity.Partners;
import com.vibotaj.tracehub.platform.CurrentActor;
import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import com.vibotaj.tracehub.shipments.internal.ShipmentCommands;
import com.vibotaj.tracehub.shipments.internal.ShipmentRepository;
import com.vibotaj.tracehub.shipments.internal.ShipmentValidation;
import com.vibotaj.tracehub.shipments.internal.StatusChange;
import com.vibotaj.tracehub.shipments.internal.importing.ImportReport.RowReport;
import com.vibotaj.tracehub.shipments.internal.importing.ShipmentRowParser.ParsedRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports historical shipments from CSV: every row is checked exactly as the API checks a shipment
 * (plus duplicate references in the file and against existing shipments) and reported; only then,
 * unless it is a dry run, are the rows created, all in the one transaction of this call.
 */
@Service
public class ShipmentImport {

    /** The largest file accepted, in bytes. */
    public static final int MAX_BYTES = CsvShipmentReader.MAX_BYTES;

    private final ShipmentCommands commands;
    private final ShipmentValidation validation;
    private final ShipmentRepository repository;
    private final Partners partners;

    ShipmentImport(
            ShipmentCommands commands,
            ShipmentValidation validation,
            ShipmentRepository repository,
            Partners partners) {
        this.commands = commands;
        this.validation = validation;
        this.repository = repository;
        this.partners = partners;
    }

    /**
     * @param dryRun check and report only; nothing is written
     * @param skipInvalid create the valid rows even when others are invalid; otherwise any invalid row
     *     means nothing is created
     */
    public record Options(boolean dryRun, boolean skipInvalid) {}

    @Transactional
    public ImportReport run(CurrentActor actor, byte[] csv, Options options) {
        commands.requireExporter(actor.organizationId());
        List<CsvShipmentReader.CsvRow> rows = CsvShipmentReader.read(csv);
        PartnerDirectory directory = PartnerDirectory.of(partners.list(actor.organizationId()));
        Map<String, Long> firstLineOfReference = new HashMap<>();
        List<ParsedRow> valid = new ArrayList<>();
        List<RowReport> report = new ArrayList<>();
        for (CsvShipmentReader.CsvRow row : rows) {
            ParsedRow parsed = ShipmentRowParser.parse(row, directory);
            List<FieldError> errors = new ArrayList<>(parsed.errors());
            errors.addAll(validationErrors(actor, parsed));
            if (parsed.reference() != null) {
                duplicate(parsed, firstLineOfReference).ifPresent(errors::add);
            }
            if (errors.isEmpty()) {
                valid.add(parsed);
            }
            report.add(new RowReport(parsed.line(), parsed.reference(), errors.isEmpty(), errors));
        }
        int invalid = rows.size() - valid.size();
        boolean write = !options.dryRun() && (invalid == 0 || options.skipInvalid());
        int imported = 0;
        if (write) {
            for (ParsedRow row : valid) {
                commands.create(
                        actor.organizationId(), actor.userId(), row.fields(), row.status(), StatusChange.Source.IMPORT);
                imported++;
            }
        }
        return new ImportReport(options.dryRun(), rows.size(), valid.size(), invalid, imported, report);
    }

    /** The shipment validation's findings under column names, except for columns already in error. */
    private List<FieldError> validationErrors(CurrentActor actor, ParsedRow parsed) {
        try {
            validation.check(actor.organizationId(), parsed.fields());
            return List.of();
        } catch (ValidationException e) {
            Set<String> inError = new HashSet<>();
            parsed.errors().forEach(err -> inError.add(err.field()));
            List<FieldError> errors = new ArrayList<>();
            for (FieldError err : fieldErrors(e)) {
                String column = ImportColumn.forApiField(err.field());
                if (!inError.contains(column)) {
                    errors.add(new FieldError(column, containerPrefix(err.field(), parsed) + err.message()));
                }
            }
            return errors;
        }
    }

    private java.util.Optional<FieldError> duplicate(ParsedRow parsed, Map<String, Long> firstLineOfReference) {
        String key = parsed.reference().toUpperCase(Locale.ROOT);
        Long first = firstLineOfReference.putIfAbsent(key, parsed.line());
        if (first != null) {
            return java.util.Optional.of(new FieldError(
                    ImportColumn.REFERENCE.header(), "appears twice in this file (first on line " + first + ")"));
        }
        if (repository.findIdByReference(parsed.reference()).isPresent()) {
            return java.util.Optional.of(
                    new FieldError(ImportColumn.REFERENCE.header(), "is already used by one of your shipments"));
        }
        return java.util.Optional.empty();
    }

    /** "MSCU1234567: " for an error on a container, as one cell may list many. */
    private static String containerPrefix(String field, ParsedRow parsed) {
        var index = java.util.regex.Pattern.compile("^containers\\[(\\d+)]").matcher(field);
        if (!index.find()) {
            return "";
        }
        return parsed.fields()
                        .containers()
                        .get(Integer.parseInt(index.group(1)))
                        .number() + ": ";
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> fieldErrors(ValidationException e) {
        // The exception exposes its errors only as the problem's "errors" member.
        return (List<FieldError>) e.properties().get("errors");
    }
}
