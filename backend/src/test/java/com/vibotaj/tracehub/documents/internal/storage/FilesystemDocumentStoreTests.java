package com.vibotaj.tracehub.documents.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemDocumentStoreTests extends StoreContract {

    @TempDir
    Path root;

    @Override
    DocumentStore store() {
        return new FilesystemDocumentStore(root);
    }

    long files() throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void leavesNoTemporaryFileBehindAfterAFailure() throws Exception {
        assertThatThrownBy(() -> store().put("shipments/s/x", breaking(10_000), 1_000_000));
        assertThat(files()).isZero();
    }

    @Test
    void refusesKeysThatCouldLeaveTheRoot() {
        for (String key : new String[] {"../escape", "shipments/../../etc/passwd", "/etc/passwd", "a//b", "A-Upper"}) {
            assertThatThrownBy(() -> store().put(key, new ByteArrayInputStream(new byte[1]), 10))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * 256 MB streamed from a generator that never holds more than one buffer: the store must hash and
     * write it without collecting it. The heap in use afterwards is printed for the record (measured:
     * about 40 MB), not asserted, since GC timing makes such numbers unreliable as assertions.
     */
    @Test
    void streamsAQuarterGigabyteWithHashAndSizeIntact() throws Exception {
        long size = 256L * 1024 * 1024;
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        InputStream generated = new InputStream() {
            long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((sent + i) % 251);
                }
                expected.update(b, off, n);
                sent += n;
                return n;
            }
        };
        Runtime runtime = Runtime.getRuntime();
        DocumentStore.StoredObject stored = store().put("shipments/s/huge", generated, size);
        assertThat(stored.sizeBytes()).isEqualTo(size);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(Files.size(root.resolve("shipments/s/huge"))).isEqualTo(size);
        System.out.printf(
                "streamed %d MB; heap max %d MB, used after %d MB%n",
                size >> 20, runtime.maxMemory() >> 20, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }
}
