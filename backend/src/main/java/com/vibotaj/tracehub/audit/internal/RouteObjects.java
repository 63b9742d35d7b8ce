package com.vibotaj.tracehub.audit.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Names the object a request acted on from its route pattern and path variables, so no controller has to
 * say it: the last path variable is the object, its type the collection segment before it
 * ({@code /api/shipments/{id}/documents} → shipment; {@code /api/documents/{docId}/transitions} →
 * document). Without a variable the type is the first collection ({@code POST /api/shipments} → shipment).
 * Variables that are secrets (invitation tokens…) are never recorded.
 */
final class RouteObjects {

    /** Path variables whose value is a credential; the object id is left empty rather than recorded. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(token|secret|password|key).*");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    record ObjectRef(@Nullable String type, @Nullable String id) {}

    private RouteObjects() {}

    static ObjectRef of(String pattern, Map<String, String> variables) {
        String[] segments = pattern.split("/");
        int start = segments.length > 1 && "api".equals(segments[1]) ? 2 : 1;
        for (int i = segments.length - 1; i >= start; i--) {
            var matcher = VARIABLE.matcher(segments[i]);
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(1);
            String type = i - 1 >= start && !VARIABLE.matcher(segments[i - 1]).matches()
                    ? singular(segments[i - 1])
                    : kebab(name.endsWith("Id") ? name.substring(0, name.length() - 2) : name);
            String id = SECRET.matcher(name).matches() ? null : variables.get(name);
            return new ObjectRef(type, id);
        }
        for (int i = start; i < segments.length; i++) {
            if (!segments[i].isEmpty() && !"public".equals(segments[i])) {
                return new ObjectRef(singular(segments[i]), null);
            }
        }
        return new ObjectRef(null, null);
    }

    static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
