package com.vibotaj.tracehub.documents.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Stores objects in an S3 bucket (AWS or an S3-compatible store). The upload is first spooled to a
 * local temporary file while it is hashed and measured, then sent with one PutObject of known length:
 * S3 makes an object visible only once it is complete, so a broken upload never shows under the key.
 */
public class S3DocumentStore implements DocumentStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path spool;

    public S3DocumentStore(S3Client s3, String bucket, String prefix, Path spool) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.spool = spool;
    }

    private String objectKey(String key) {
        return prefix + key;
    }

    @Override
    public StoredObject put(String key, InputStream content, long maxBytes) throws IOException {
        Files.createDirectories(spool);
        Path temp = Files.createTempFile(spool, ".upload-", ".part");
        try {
            MeasuringInputStream measured = new MeasuringInputStream(content, maxBytes);
            try (OutputStream out = Files.newOutputStream(temp)) {
                measured.transferTo(out);
            }
            String sha256 = measured.sha256();
            try {
                s3.putObject(
                        PutObjectRequest.builder()
                                .bucket(bucket)
                                .key(objectKey(key))
                                .contentLength(measured.count())
                                .build(),
                        RequestBody.fromFile(temp));
            } catch (S3Exception e) {
                throw new IOException("S3 refused the object", e);
            }
            return new StoredObject(key, sha256, measured.count());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(GetObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        } catch (S3Exception e) {
            throw new IOException("S3 read failed", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(DeleteObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
        } catch (S3Exception e) {
            throw new IOException("S3 delete failed", e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket)
                    .key(objectKey(key))
                    .build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("S3 head failed", e);
        }
    }
}
