package com.vibotaj.tracehub.tracking.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTests {

    private static final byte[] BODY = "{\"reference_id\":\"r-1\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignatures signatures = new WebhookSignatures("s3cret-for-tests");

    @Test
    void producesTheStandardHmacSha256() {
        // RFC 4231 test case 2.
        WebhookSignatures rfc = new WebhookSignatures("Jefe");

        assertThat(rfc.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void acceptsTheSignatureOfTheBody() {
        assertThat(signatures.verify(BODY, signatures.sign(BODY))).isTrue();
    }

    @Test
    void acceptsTheSha256PrefixAndUpperCaseHex() {
        assertThat(signatures.verify(BODY, "sha256=" + signatures.sign(BODY))).isTrue();
        assertThat(signatures.verify(BODY, signatures.sign(BODY).toUpperCase(Locale.ROOT)))
                .isTrue();
    }

    @Test
    void refusesAMissingOrBlankSignature() {
        assertThat(signatures.verify(BODY, null)).isFalse();
        assertThat(signatures.verify(BODY, "")).isFalse();
        assertThat(signatures.verify(BODY, "sha256=")).isFalse();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        String forged = new WebhookSignatures("another-secret").sign(BODY);

        assertThat(signatures.verify(BODY, forged)).isFalse();
    }

    @Test
    void refusesTheSignatureOfADifferentBody() {
        byte[] tampered = "{\"reference_id\":\"r-2\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(signatures.verify(tampered, signatures.sign(BODY))).isFalse();
    }

    @Test
    void refusesMalformedSignatures() {
        String valid = signatures.sign(BODY);

        assertThat(signatures.verify(BODY, "not-hex")).isFalse();
        assertThat(signatures.verify(BODY, valid.substring(0, 63))).isFalse();
        assertThat(signatures.verify(BODY, valid.substring(0, 62))).isFalse();
        assertThat(signatures.verify(BODY, valid + "00")).isFalse();
    }

    @Test
    void requiresASecret() {
        assertThatThrownBy(() -> new WebhookSignatures(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
