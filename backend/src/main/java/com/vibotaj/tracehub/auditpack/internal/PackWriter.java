package com.vibotaj.tracehub.auditpack.internal;

import com.vibotaj.tracehub.auditpack.internal.PackSource.PackDocument;
import com.vibotaj.tracehub.documents.DocumentContent;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pack as a ZIP onto a stream, deterministically: entries in a fixed order, every entry dated
 * {@link #ENTRY_TIME} (a local DOS time, so the machine's time zone does not leak in), deflated at a fixed
 * level, with no extra fields or comments. Document bytes are copied from storage in small buffers
 * (memory does not grow with their size) and their SHA-256 is checked against the hash recorded at upload
 * while they pass: on a difference the pack is abandoned without its central directory, so the client
 * gets a broken download, never a pack that looks complete but is not.
 */
public final class PackWriter {

    /** The fixed date of every entry. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** Deflate level of the entries the pack makes itself (text and the index). */
    static final int LEVEL = 6;

    /**
     * Deflate level of the documents: they are mostly PDFs and images, already compressed, so the fastest
     * level costs least for what little it saves. Fixed, like the other, so the bytes stay the same.
     */
    static final int DOCUMENT_LEVEL = 1;

    private PackWriter() {}

    /** What was written, for the log. */
    public record Written(int entries, long documentBytes) {}

    /** A stored document's bytes do not hash to what was recorded at upload. */
    public static final class IntegrityException extends IOException {
        private static final long serialVersionUID = 1L;

        IntegrityException(String message) {
            super(message);
        }
    }

    public static Written write(PackSource s, OutputStream out) throws IOException {
        // Everything small is built first: the index's document id derives from the JSON entries, and the
        // metadata names the hash every document entry will have (the recorded one, checked on the way).
        Map<String, String> documentHashes = new LinkedHashMap<>();
        Map<String, byte[]> placeholders = new LinkedHashMap<>();
        for (PackDocument d : s.documents()) {
            if (d.missing()) {
                byte[] text = missingText(d.document());
                placeholders.put(d.entryName(), text);
                documentHashes.put(d.entryName(), hex(sha256(text)));
            } else {
                documentHashes.put(d.entryName(), d.document().sha256());
            }
        }
        byte[] tracking = PackJson.bytes(PackJson.tracking(s));
        byte[] metadata = PackJson.bytes(PackJson.metadata(s, documentHashes));
        byte[] plots = s.eudr() == null ? null : PackJson.bytes(PackJson.plots(s.eudr()));
        ByteArrayOutputStream fingerprint = new ByteArrayOutputStream();
        fingerprint.write(metadata);
        fingerprint.write(tracking);
        if (plots != null) {
            fingerprint.write(plots);
        }
        byte[] index = IndexPdf.render(s, fingerprint.toByteArray());

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setMethod(ZipOutputStream.DEFLATED);
        zip.setLevel(LEVEL);
        Map<String, String> manifest = new LinkedHashMap<>();
        manifest.put("index.pdf", put(zip, "index.pdf", index));
        long documentBytes = 0;
        for (PackDocument d : s.documents()) {
            String name = d.entryName();
            if (d.missing()) {
                manifest.put(name, put(zip, name, Objects.requireNonNull(placeholders.get(name))));
                continue;
            }
            DocumentContent content = Objects.requireNonNull(d.content());
            zip.setLevel(DOCUMENT_LEVEL);
            zip.putNextEntry(entry(name));
            HashingStream hashing = new HashingStream(zip);
            try (InputStream in = content.open()) {
                in.transferTo(hashing);
            }
            zip.closeEntry();
            zip.setLevel(LEVEL);
            String hash = hashing.hex();
            if (!hash.equals(d.document().sha256())) {
                throw new IntegrityException("Stored bytes of document "
                        + d.document().id() + " hash to " + hash + ", not to the SHA-256 recorded at upload "
                        + d.document().sha256());
            }
            documentBytes += hashing.count;
            manifest.put(name, hash);
        }
        manifest.put("tracking.json", put(zip, "tracking.json", tracking));
        manifest.put("metadata.json", put(zip, "metadata.json", metadata));
        if (plots != null) {
            manifest.put("eudr/plots.geojson", put(zip, "eudr/plots.geojson", plots));
        }
        StringBuilder lines = new StringBuilder();
        manifest.forEach(
                (name, hash) -> lines.append(hash).append("  ").append(name).append('\n'));
        put(zip, "MANIFEST.sha256", lines.toString().getBytes(StandardCharsets.UTF_8));
        zip.finish();
        out.flush();
        return new Written(manifest.size() + 1, documentBytes);
    }

    private static String put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(entry(name));
        zip.write(bytes);
        zip.closeEntry();
        return hex(sha256(bytes));
    }

    private static ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        e.setMethod(ZipEntry.DEFLATED);
        return e;
    }

    static byte[] missingText(ShipmentDocument d) {
        return ("""
                        The file of this document is MISSING from storage: this audit pack is incomplete.

                        Document id:       %s
                        Type / version:    %s v%d
                        Status:            %s
                        Recorded SHA-256:  %s
                        Recorded size:     %d bytes
                        Uploaded at:       %s

                        The document's record exists but the document store no longer holds its bytes.
                        Report this to your TraceHub operator (see docs/operations/audit-pack.md).
                        """)
                .formatted(d.id(), d.type(), d.version(), d.status().value(), d.sha256(), d.sizeBytes(), d.uploadedAt())
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes on to the ZIP (never closing it) and hashes them on the way. */
    private static final class HashingStream extends OutputStream {

        private final OutputStream target;
        private final MessageDigest digest = digest();
        private long count;

        HashingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }

        String hex() {
            return PackWriter.hex(digest.digest());
        }
    }
}
