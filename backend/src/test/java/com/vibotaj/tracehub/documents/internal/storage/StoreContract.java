package com.vibotaj.tracehub.documents.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What every DocumentStore must do; each implementation's test supplies the store. */
abstract class StoreContract {

    abstract DocumentStore store() throws Exception;

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Fails after {@code bytes} bytes, as a client that disconnects mid-upload. */
    static InputStream breaking(int bytes) {
        return new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ >= bytes) {
                    throw new IOException("connection reset");
                }
                return 'a';
            }
        };
    }

    @Test
    void putsReadsAndDeletesWithHashAndSizeComputedWhileStreaming() throws Exception {
        DocumentStore store = store();
        byte[] content = "%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII);
        DocumentStore.StoredObject stored = store.put("shipments/s1/doc-1", new ByteArrayInputStream(content), 1024);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.sizeBytes()).isEqualTo(content.length);
        assertThat(store.exists("shipments/s1/doc-1")).isTrue();
        try (InputStream in = store.open("shipments/s1/doc-1")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.delete("shipments/s1/doc-1");
        assertThat(store.exists("shipments/s1/doc-1")).isFalse();
        store.delete("shipments/s1/doc-1"); // idempotent
        assertThatThrownBy(() -> store.open("shipments/s1/doc-1")).isInstanceOf(IOException.class);
    }

    @Test
    void aBrokenStreamLeavesNothingUnderTheKey() throws Exception {
        DocumentStore store = store();
        assertThatThrownBy(() -> store.put("shipments/s1/broken", breaking(50_000), 1_000_000))
                .isInstanceOf(IOException.class);
        assertThat(store.exists("shipments/s1/broken")).isFalse();
    }

    @Test
    void aStreamOverTheLimitStopsAndLeavesNothing() throws Exception {
        DocumentStore store = store();
        assertThatThrownBy(() -> store.put("shipments/s1/big", new ByteArrayInputStream(new byte[1025]), 1024))
                .isInstanceOf(DocumentStore.TooLargeException.class);
        assertThat(store.exists("shipments/s1/big")).isFalse();
        // Exactly the limit is fine.
        assertThat(store.put("shipments/s1/edge", new ByteArrayInputStream(new byte[1024]), 1024)
                        .sizeBytes())
                .isEqualTo(1024);
    }

    @Test
    void aSecondPutReplacesTheWholeObject() throws Exception {
        DocumentStore store = store();
        store.put("shipments/s1/doc-2", new ByteArrayInputStream(new byte[4000]), 10_000);
        store.put("shipments/s1/doc-2", new ByteArrayInputStream("short".getBytes(StandardCharsets.UTF_8)), 10_000);
        try (InputStream in = store.open("shipments/s1/doc-2")) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("short");
        }
    }
}
