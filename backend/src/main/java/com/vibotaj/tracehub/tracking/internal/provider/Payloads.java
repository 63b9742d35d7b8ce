package com.vibotaj.tracehub.tracking.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading provider JSON defensively: optional fields, several timestamp styles, stable derived ids. */
public final class Payloads {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private Payloads() {}

    /** Parses a body; a body that is not JSON is the provider's fault, reported without its content. */
    public static JsonNode parse(String providerId, byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ProviderResponseException(providerId, "empty response body");
            }
            return node;
        } catch (JacksonException e) {
            // The exception message may quote the body; keep only its type.
            throw new ProviderResponseException(providerId, "response body is not valid JSON");
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The text at a path of field names, or null when missing, null or blank. */
    public static @Nullable String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String field : path) {
            current = current.path(field);
        }
        if (current.isMissingNode() || current.isNull() || !current.isValueNode()) {
            return null;
        }
        String value = current.asString().trim();
        return value.isEmpty() ? null : value;
    }

    /**
     * A provider timestamp as an instant: ISO with offset (providers send local port time with its offset),
     * ISO without offset, "yyyy-MM-dd HH:mm" or a date; the ones without an offset are taken as UTC.
     */
    public static @Nullable Instant instant(String providerId, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next style
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            // try the next style
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the next style
        }
        try {
            return LocalDateTime.parse(value, SPACED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notSpaced) {
            // try the next style
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ProviderResponseException(providerId, "unreadable timestamp in response");
        }
    }

    /**
     * A deterministic event id from its identifying parts, for events the provider gives no id: the same
     * event seen again (pull after webhook, next snapshot) gets the same id, so storing it is idempotent.
     */
    public static String derivedId(String providerId, @Nullable Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            joined.append(part == null ? "" : part.toString()).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8));
            return providerId + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
