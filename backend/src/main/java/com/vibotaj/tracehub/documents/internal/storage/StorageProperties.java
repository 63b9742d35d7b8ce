package com.vibotaj.tracehub.documents.internal.storage;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where document bytes are kept.
 *
 * @param type {@code filesystem} (default) or {@code s3}
 * @param path root directory of the filesystem store; also the spool directory of the S3 store
 * @param s3 the bucket and how to reach it
 */
@ConfigurationProperties("tracehub.documents.storage")
public record StorageProperties(String type, Path path, S3 s3) {

    /**
     * @param endpoint an S3-compatible endpoint (MinIO, Ceph…); empty for AWS itself
     * @param pathStyle address the bucket in the path, as most S3-compatible stores need
     * @param accessKey empty to use the AWS default credentials chain
     */
    public record S3(
            String bucket,
            String region,
            @Nullable String endpoint,
            boolean pathStyle,
            @Nullable String accessKey,
            @Nullable String secretKey,
            String prefix) {}
}
