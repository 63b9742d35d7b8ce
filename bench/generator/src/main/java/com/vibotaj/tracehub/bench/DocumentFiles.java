package com.vibotaj.tracehub.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the document bytes where the application's FilesystemDocumentStore reads them: the row's
 * storage_key ({@code shipments/{shipmentId}/{documentId}}) below the documents directory. The small
 * files are the exact bytes whose sha256 and size the INSERT stored (the same pg_temp.doc_pdf call,
 * streamed back), so rows and files cannot disagree. BENCH-PACK-20's 5 MiB files are made here and
 * their rows corrected to the real sha256 and size.
 */
final class DocumentFiles {

    static final long PACK_FILE_BYTES = 5L * 1024 * 1024;

    private final Connection db;
    private final Options options;
    private final Progress progress;
    private final Set<Path> directories = ConcurrentHashMap.newKeySet();
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    DocumentFiles(Connection db, Options options, Progress progress) {
        this.db = db;
        this.options = options;
        this.progress = progress;
    }

    long files() {
        return files.get();
    }

    long bytes() {
        return bytes.get();
    }

    void writeSmall(long expected) throws SQLException, IOException {
        Files.createDirectories(options.documentsDir());
        progress.start("document files", expected);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                options.threads(),
                options.threads(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4096),
                new ThreadPoolExecutor.CallerRunsPolicy());
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false); // a cursor: rows stream in batches instead of being held all at once
        try (Statement st = db.createStatement()) {
            st.setFetchSize(2000);
            try (ResultSet rs = st.executeQuery("SELECT d.storage_key, pg_temp.doc_pdf(d.id, d.shipment_id, t.name,"
                    + " d.reference_number, d.version) FROM document d JOIN document_type t ON t.code = d.type"
                    + " WHERE d.size_bytes > 0")) {
                long batch = 0;
                while (rs.next()) {
                    String key = rs.getString(1);
                    byte[] content = rs.getBytes(2);
                    // Directories here, in the one reading thread: writers never race to create them.
                    Path dir = resolve(key).getParent();
                    if (directories.add(dir)) {
                        Files.createDirectories(dir);
                    }
                    pool.execute(() -> {
                        try {
                            write(key, content);
                        } catch (IOException | RuntimeException e) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    if (++batch == 5000) {
                        progress.advance(batch);
                        batch = 0;
                    }
                    if (failure.get() != null) {
                        break;
                    }
                }
                progress.advance(batch);
            }
            db.commit();
        } finally {
            db.setAutoCommit(autoCommit);
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw new IOException("writing a document file failed: " + failure.get(), failure.get());
        }
        progress.finish();
    }

    /** Written, not forced to disk one by one (400,000 fsyncs would dominate); the OS flushes them. */
    private void write(String key, byte[] content) throws IOException {
        Files.write(resolve(key), content);
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    private Path resolve(String key) {
        if (!key.matches("^[a-z0-9][a-z0-9/-]{0,200}$") || key.contains("..")) {
            throw new IllegalArgumentException("unexpected storage key " + key);
        }
        return options.documentsDir().resolve(key);
    }

    /** The 20 documents of BENCH-PACK-20: 5 MiB each, a valid PDF around a seeded random stream. */
    void writePack() throws SQLException, IOException {
        record Row(UUID id, String key, String type, int version) {}
        List<Row> rows = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT d.id, d.storage_key, d.type, d.version FROM document d"
                        + " JOIN shipment s ON s.id = d.shipment_id WHERE s.reference = 'BENCH-PACK-20'"
                        + " ORDER BY d.type, d.version")) {
            while (rs.next()) {
                rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)));
            }
        }
        progress.start("BENCH-PACK-20 files", rows.size());
        try (PreparedStatement update =
                db.prepareStatement("UPDATE document SET sha256 = ?, size_bytes = ? WHERE id = ?")) {
            int n = 0;
            for (Row row : rows) {
                Path file = resolve(row.key());
                Files.createDirectories(file.getParent());
                MessageDigest sha = sha256();
                try (OutputStream out = new DigestOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha)) {
                    bigPdf(out, options.seed() * 1_000_003L + n, row.type() + " v" + row.version());
                }
                long size = Files.size(file);
                if (size != PACK_FILE_BYTES) {
                    throw new IllegalStateException("BENCH-PACK-20 file is " + size + " bytes, not " + PACK_FILE_BYTES);
                }
                update.setString(1, HexFormat.of().formatHex(sha.digest()));
                update.setLong(2, size);
                update.setObject(3, row.id());
                update.executeUpdate();
                files.incrementAndGet();
                bytes.addAndGet(size);
                progress.advance(1);
                n++;
            }
        }
        progress.finish();
    }

    /**
     * A one-page PDF (text naming the document) whose object 6 is an unreferenced stream of seeded
     * random bytes sized so that the file is exactly {@link #PACK_FILE_BYTES}; the xref offsets are exact.
     */
    static void bigPdf(OutputStream out, long seed, String title) throws IOException {
        String content = "BT /F1 14 Tf 50 790 Td (BENCH-PACK-20 " + title + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
                    + " /Contents 4 0 R >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder head = new StringBuilder("%PDF-1.4\n");
        long[] offsets = new long[6];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = head.length();
            head.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        offsets[5] = head.length();
        String tailAfterStream = "\nendstream\nendobj\n";
        // Everything but the random bytes and the two numbers that depend on their length.
        long lengthDigits = 7;
        long fixed = head.length() + ("6 0 obj\n<< /Length  >>\nstream\n").length() + lengthDigits
                + tailAfterStream.length() + xref(offsets, 0).length();
        long streamBytes = PACK_FILE_BYTES - fixed;
        long xrefAt = offsets[5] + ("6 0 obj\n<< /Length " + streamBytes + " >>\nstream\n").length() + streamBytes
                + tailAfterStream.length();
        // The startxref number's width changes the total: adjust the stream by the difference.
        streamBytes -= Long.toString(xrefAt).length() - 1;
        xrefAt = offsets[5] + ("6 0 obj\n<< /Length " + streamBytes + " >>\nstream\n").length() + streamBytes
                + tailAfterStream.length();
        if (Long.toString(streamBytes).length() != lengthDigits) {
            throw new IllegalStateException("unexpected stream length " + streamBytes);
        }
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(("6 0 obj\n<< /Length " + streamBytes + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1 << 16];
        for (long left = streamBytes; left > 0; left -= chunk.length) {
            random.nextBytes(chunk);
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.write(tailAfterStream.getBytes(StandardCharsets.US_ASCII));
        out.write(xref(offsets, xrefAt).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cross-reference table and trailer; with startxref 0 it is one digit shorter than the real one. */
    private static String xref(long[] offsets, long xrefAt) {
        StringBuilder x = new StringBuilder("xref\n0 7\n0000000000 65535 f \n");
        for (long offset : offsets) {
            x.append(String.format("%010d 00000 n \n", offset));
        }
        x.append("trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n").append(xrefAt).append("\n%%EOF\n");
        return x.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
