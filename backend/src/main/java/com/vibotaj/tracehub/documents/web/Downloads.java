package com.vibotaj.tracehub.documents.web;

import java.nio.charset.StandardCharsets;

/**
 * Content-Disposition per RFC 6266: an ASCII fallback {@code filename} with anything unusual replaced,
 * and the exact name as {@code filename*} in RFC 5987 percent-encoding, so no name can break the
 * header or smuggle a path.
 */
final class Downloads {

    private Downloads() {}

    static String contentDisposition(boolean inline, String name) {
        return (inline ? "inline" : "attachment") + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''"
                + encode(name);
    }

    static String asciiFallback(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(c < 128 && (Character.isLetterOrDigit(c) || " ._-()+,".indexOf(c) >= 0) ? c : '_');
        }
        return b.toString();
    }

    /** RFC 5987 attr-char stays, everything else is %XX of its UTF-8 bytes. */
    static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte by : name.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
