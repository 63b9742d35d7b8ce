package com.vibotaj.tracehub.platform.internal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description. The server is the relative root, not the host that happened to serve the
 * document, so the exported spec is identical wherever it is generated (it is committed and diffed).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The operations that may carry an Idempotency-Key. */
    private static final Set<PathItem.HttpMethod> MUTATING = EnumSet.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Bean
    OpenAPI traceHubOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("TraceHub API")
                        .version("1")
                        .description("Shipments, documents, compliance and tracking for agricultural exports."
                                + " Errors are RFC 9457 application/problem+json."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Declares the problem document once and as the default (error) response of every operation, so
     * client generators know the shape of every failure.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("FieldError", fieldError()).addSchemas("ProblemDetail", problemDetail());
            ApiResponse problem = new ApiResponse()
                    .description("Problem (RFC 9457)")
                    .content(new Content()
                            .addMediaType(
                                    "application/problem+json",
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
            if (openApi.getPaths() != null) {
                openApi.getPaths()
                        .values()
                        .forEach(path -> path.readOperations()
                                .forEach(operation -> operation.getResponses().putIfAbsent("default", problem)));
            }
        };
    }

    /**
     * Documents the optional Idempotency-Key header (docs/api/idempotency.md) on every mutating operation
     * that IdempotencyFilter covers: authenticated API operations, so not /api/auth or /api/public.
     */
    @Bean
    OpenApiCustomizer idempotencyKeyHeader() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getComponents().addParameters("IdempotencyKey", idempotencyKeyParameter());
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/") || path.startsWith("/api/auth/") || path.startsWith("/api/public/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    if (MUTATING.contains(method)) {
                        operation.addParametersItem(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
                    }
                });
            });
        };
    }

    private static Parameter idempotencyKeyParameter() {
        return new HeaderParameter()
                .name(IdempotencyFilter.KEY_HEADER)
                .required(false)
                .description("Makes the request safe to retry: a repeat with the same key and the same request"
                        + " within 24 hours answers the stored response with Idempotent-Replayed: true instead"
                        + " of running again. 1-200 visible ASCII characters, e.g. a random UUID per operation."
                        + " See docs/api/idempotency.md.")
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(IdempotencyFilter.MAX_KEY_LENGTH)
                        .pattern("^[\\x21-\\x7E]+$"));
    }

    /** The error body of every endpoint (docs/api/problems.md); declared once for client generators. */
    private static Schema<?> problemDetail() {
        return new ObjectSchema()
                .description("RFC 9457 problem details; see docs/api/problems.md for the types.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("requestId", new StringSchema())
                .addProperty("retryAfterSeconds", new IntegerSchema())
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema())
                .required(List.of("field", "message"));
    }
}
