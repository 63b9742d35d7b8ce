package com.vibotaj.tracehub.tracking.internal.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The explicit table from one provider's event codes to DCSA codes, read from
 * {@code tracking/mappings/<provider>.csv} (provider_code, dcsa_code, family, note). A code that is not in
 * the table has no DCSA code: it is kept raw and shown as unmapped, never guessed. The table is checked
 * when loaded, so a typo fails at startup rather than producing wrong events.
 */
public final class ProviderCodeMappings {

    /** DCSA Track & Trace equipment codes (reference-data §7). */
    public static final Set<String> EQUIPMENT_CODES = Set.of(
            "GTIN", "LOAD", "DISC", "GTOT", "STUF", "STRP", "PICK", "DROP", "INSP", "RSEA", "RMVD", "CUSS", "CUSI",
            "CUSR");

    /** DCSA Track & Trace transport codes. */
    public static final Set<String> TRANSPORT_CODES = Set.of("DEPA", "ARRI");

    /** One row of the table. */
    public record Mapping(String dcsaCode, EventFamily family) {}

    private final String providerId;
    private final Map<String, Mapping> byCode;

    private ProviderCodeMappings(String providerId, Map<String, Mapping> byCode) {
        this.providerId = providerId;
        this.byCode = Map.copyOf(byCode);
    }

    /** Loads {@code tracking/mappings/<providerId>.csv} from the classpath. */
    public static ProviderCodeMappings load(String providerId) {
        String resource = "tracking/mappings/" + providerId + ".csv";
        InputStream in = ProviderCodeMappings.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing mapping table " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(providerId, reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read mapping table " + resource, e);
        }
    }

    static ProviderCodeMappings read(String providerId, Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        Map<String, Mapping> byCode = new HashMap<>();
        for (CSVRecord row : format.parse(reader)) {
            String code = normalise(row.get("provider_code"));
            String dcsa = row.get("dcsa_code").trim();
            EventFamily family = EventFamily.valueOf(row.get("family").trim());
            Set<String> allowed = family == EventFamily.EQUIPMENT ? EQUIPMENT_CODES : TRANSPORT_CODES;
            if (!allowed.contains(dcsa)) {
                throw new IllegalStateException(providerId + " mapping line " + row.getRecordNumber() + ": " + dcsa
                        + " is not a " + family + " code");
            }
            if (byCode.put(code, new Mapping(dcsa, family)) != null) {
                throw new IllegalStateException(
                        providerId + " mapping line " + row.getRecordNumber() + ": duplicate code " + code);
            }
        }
        return new ProviderCodeMappings(providerId, byCode);
    }

    /** The DCSA mapping for a provider code; case and spacing do not matter. */
    public Optional<Mapping> find(String providerCode) {
        return Optional.ofNullable(byCode.get(normalise(providerCode)));
    }

    public String providerId() {
        return providerId;
    }

    public int size() {
        return byCode.size();
    }

    private static String normalise(String code) {
        return code.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
