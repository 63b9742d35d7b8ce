package com.vibotaj.tracehub.auditpack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vibotaj.tracehub.compliance.ComplianceEvaluation;
import com.vibotaj.tracehub.documents.DocumentContent;
import com.vibotaj.tracehub.documents.DocumentMetadata;
import com.vibotaj.tracehub.documents.DocumentStatus;
import com.vibotaj.tracehub.documents.ShipmentDocument;
import com.vibotaj.tracehub.shipments.ShipmentFacts;
import com.vibotaj.tracehub.shipments.ShipmentFields;
import com.vibotaj.tracehub.shipments.ShipmentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer without the database: a pack of twenty documents is built well within the time budget, and
 * document bytes are streamed (the heap does not grow with a document's size). Timings and heap figures
 * are logged, not asserted: the build machine is shared.
 */
class PackWriterTests {

    private static final Logger log = LoggerFactory.getLogger(PackWriterTests.class);

    @Test
    void twentyDocumentsOfQuarterMegabyteArePackedWellWithinTwoSeconds() throws IOException {
        List<PackSource.PackDocument> documents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            documents.add(generated("type_" + (char) ('a' + i), 256 * 1024, i));
        }
        PackSource source = source(documents);
        PackWriter.write(source, OutputStream.nullOutputStream()); // warm up (fonts, classes)

        CountingSink sink = new CountingSink();
        long started = System.nanoTime();
        PackWriter.Written written = PackWriter.write(source, sink);
        long millis = (System.nanoTime() - started) / 1_000_000;

        log.info(
                "Audit pack bench (writer): {} entries, {} document bytes, {} ZIP bytes in {} ms",
                written.entries(),
                written.documentBytes(),
                sink.count,
                millis);
        assertThat(written.entries()).isEqualTo(1 + 20 + 2 + 1);
        assertThat(written.documentBytes()).isEqualTo(20L * 256 * 1024);
    }

    @Test
    void documentBytesAreStreamedSoTheHeapDoesNotGrowWithTheirSize() throws Exception {
        long small = peakHeapGrowthWhileWriting(4L * 1024 * 1024);
        long large = peakHeapGrowthWhileWriting(96L * 1024 * 1024);
        log.info(
                "Audit pack streaming: peak heap growth {} KiB for a 4 MiB document, {} KiB for a 96 MiB document",
                small / 1024,
                large / 1024);
        // Generous on purpose (GC timing varies): buffering the document would grow the heap by >= 96 MiB.
        assertThat(large).isLessThan(48L * 1024 * 1024);
    }

    private static long peakHeapGrowthWhileWriting(long size) throws Exception {
        PackSource source = source(List.of(generated("bill_of_lading", size, 1)));
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        try {
            PackWriter.write(source, new CountingSink());
        } finally {
            running.set(false);
            sampler.join();
        }
        return peak.get() - baseline;
    }

    /** A document whose bytes are generated on the fly (never held in memory), with its true SHA-256. */
    private static PackSource.PackDocument generated(String type, long size, int seed) {
        String sha;
        try (InputStream in = new Generated(size, seed)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            sha = HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ShipmentDocument d = new ShipmentDocument(
                UUID.nameUUIDFromBytes((type + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                SHIPMENT,
                OWNER,
                type,
                1,
                DocumentStatus.APPROVED,
                DocumentMetadata.empty(),
                sha,
                size,
                "application/pdf",
                type + ".pdf",
                OWNER,
                OWNER,
                Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-10-02T00:00:00Z"));
        DocumentContent content = new DocumentContent() {
            @Override
            public boolean exists() {
                return true;
            }

            @Override
            public InputStream open() {
                return new Generated(size, seed);
            }
        };
        return new PackSource.PackDocument(d, content);
    }

    private static final UUID SHIPMENT = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-0000000000b2");

    private static PackSource source(List<PackSource.PackDocument> documents) {
        ShipmentFields fields = new ShipmentFields(
                "BENCH-1", "sesame", null, List.of(), List.of(), null, null, null, null, null, null, null, null, null,
                null, "NGAPP", "DEHAM", null, null, null, null, null, null, null, List.of(), List.of());
        ShipmentFacts.Facts facts = new ShipmentFacts.Facts(
                SHIPMENT,
                OWNER,
                null,
                List.of(),
                List.of(),
                "BENCH-1",
                "sesame",
                ShipmentStatus.IN_TRANSIT,
                "NGAPP",
                "DEHAM",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of());
        ComplianceEvaluation evaluation = new ComplianceEvaluation(
                SHIPMENT,
                "2026.1",
                ComplianceEvaluation.Overall.IN_PROGRESS,
                List.of(),
                List.of(),
                List.of(),
                Instant.parse("2026-10-03T00:00:00Z"));
        return new PackSource(facts, fields, evaluation, List.of(), documents, List.of(), List.of(), null);
    }

    /** Pseudo-random bytes (barely compressible, like a scan), produced as they are read. */
    private static final class Generated extends InputStream {

        private final long size;
        private long position;
        private long state;

        Generated(long size, int seed) {
            this.size = size;
            this.state = 0x9E3779B97F4A7C15L * (seed + 1);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            position += n;
            return n;
        }
    }

    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
