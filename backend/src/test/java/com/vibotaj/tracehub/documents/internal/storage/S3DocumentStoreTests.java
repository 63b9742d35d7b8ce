package com.vibotaj.tracehub.documents.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/** The S3 store against s3proxy running in-process (an S3-compatible endpoint, path-style addressing). */
class S3DocumentStoreTests extends StoreContract {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withCredentials(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
            .build();

    @TempDir
    Path spool;

    S3Client client;

    @Override
    DocumentStore store() {
        client = StorageConfiguration.s3Client(new StorageProperties.S3(
                "documents", "eu-central-1", S3_PROXY.getUri().toString(), true, "access", "secret", "tracehub"));
        client.createBucket(CreateBucketRequest.builder().bucket("documents").build());
        return new S3DocumentStore(client, "documents", "tracehub", spool);
    }

    @Test
    void storesUnderThePrefixAndLeavesNoSpoolFiles() throws Exception {
        DocumentStore store = store();
        store.put("shipments/s1/doc", new ByteArrayInputStream(new byte[] {1, 2, 3}), 10);
        assertThat(client.listObjectsV2(ListObjectsV2Request.builder()
                                .bucket("documents")
                                .build())
                        .contents())
                .extracting(o -> o.key())
                .containsExactly("tracehub/shipments/s1/doc");
        try (Stream<Path> files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBrokenUploadNeverReachesTheBucket() throws Exception {
        DocumentStore store = store();
        try {
            store.put("shipments/s1/broken", breaking(20_000), 1_000_000);
        } catch (java.io.IOException expected) {
            // the store must not have sent a partial object
        }
        assertThat(client.listObjectsV2(ListObjectsV2Request.builder()
                                .bucket("documents")
                                .build())
                        .contents())
                .isEmpty();
    }
}
