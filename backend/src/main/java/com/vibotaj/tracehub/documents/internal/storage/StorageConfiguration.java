package com.vibotaj.tracehub.documents.internal.storage;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Chooses the document store from {@code tracehub.documents.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean(destroyMethod = "")
    DocumentStore documentStore(StorageProperties properties) {
        return switch (properties.type()) {
            case "filesystem" -> new FilesystemDocumentStore(properties.path());
            case "s3" ->
                new S3DocumentStore(
                        s3Client(properties.s3()),
                        properties.s3().bucket(),
                        properties.s3().prefix(),
                        properties.path().resolve(".spool"));
            default ->
                throw new IllegalStateException(
                        "tracehub.documents.storage.type must be filesystem or s3, not " + properties.type());
        };
    }

    static S3Client s3Client(StorageProperties.S3 s3) {
        S3ClientBuilder builder =
                S3Client.builder().region(Region.of(s3.region())).forcePathStyle(s3.pathStyle());
        if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        if (s3.accessKey() != null && !s3.accessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), s3.secretKey() == null ? "" : s3.secretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
