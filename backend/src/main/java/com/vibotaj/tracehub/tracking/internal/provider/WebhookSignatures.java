package com.vibotaj.tracehub.tracking.internal.provider;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 signatures of webhook bodies with a shared secret. Signed over the raw bytes as received
 * (re-serialised JSON would not match), hex encoded, optionally prefixed with {@code sha256=}, and compared
 * in constant time so the comparison does not reveal how much of a forged signature was right.
 */
public final class WebhookSignatures {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public WebhookSignatures(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The lower-case hex signature of the body, without prefix. */
    public String sign(byte[] body) {
        return HexFormat.of().formatHex(mac(body));
    }

    /** True only for a well-formed signature that matches the body; missing or malformed is false. */
    public boolean verify(byte[] body, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String hex = signature.trim();
        if (hex.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            hex = hex.substring(PREFIX.length());
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return presented.length > 0 && MessageDigest.isEqual(mac(body), presented);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
