package com.vibotaj.tracehub.documents.internal;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * Client file names are kept as metadata only. They are reduced to their last path segment, stripped
 * of control and reserved characters and shortened, so a name like {@code ../../etc/passwd.pdf}
 * is shown back as {@code passwd.pdf} and can never be mistaken for a path.
 */
public final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {}

    public static String sanitise(@Nullable String name) {
        if (name == null) {
            return "document";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFC);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        n = n.replaceAll("[\\p{Cntrl}\"*:<>?|]", "").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > MAX_LENGTH) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX_LENGTH - ext.length()) + ext;
        }
        return n.isBlank() ? "document" : n;
    }
}
