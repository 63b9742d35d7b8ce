package com.vibotaj.tracehub.shipments.internal.importing;

import com.vibotaj.tracehub.identity.Partners.Partner;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The importing organisation's partners, loaded once per file, so a row may name its buyer and
 * suppliers by name (case-insensitive) or by id. Whether a partner has the right kind is left to the
 * shipment validation, which reports it like the API does.
 */
final class PartnerDirectory {

    private static final Pattern ID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Map<String, List<Partner>> byName;

    private PartnerDirectory(List<Partner> partners) {
        this.byName = partners.stream().collect(Collectors.groupingBy(p -> key(p.name())));
    }

    static PartnerDirectory of(List<Partner> partners) {
        return new PartnerDirectory(partners);
    }

    /** The id a cell names, or why it names none. */
    interface Resolution {}

    record Found(UUID id) implements Resolution {}

    record NotFound(String message) implements Resolution {}

    Resolution resolve(String cell) {
        if (ID.matcher(cell).matches()) {
            // An id is passed on as it is: the validation tells apart "not a partner" and "wrong kind".
            return new Found(UUID.fromString(cell));
        }
        List<Partner> named = byName.getOrDefault(key(cell), List.of());
        if (named.size() == 1) {
            return new Found(named.get(0).id());
        }
        return new NotFound(
                named.isEmpty()
                        ? "\"" + cell + "\" is not one of your partner organisations"
                        : "\"" + cell + "\" names " + named.size() + " partner organisations; use the id instead");
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
