package com.vibotaj.tracehub.identity.internal;

import com.vibotaj.tracehub.platform.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: long enough to resist guessing, not derived from the user's e-mail and
 * not one of the passwords attackers try first (in the spirit of NIST SP 800-63B: length and a
 * blocklist, no composition rules). Applies when a password is chosen, never at sign-in.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    /**
     * BCrypt, the password encoder's algorithm, reads at most 72 bytes and Spring Security refuses longer
     * input outright, so this is the real maximum (72 plain letters, fewer with accents or symbols).
     */
    static final int MAX_BYTES = 72;

    /** The shortest e-mail name worth refusing; "al" in a password says nothing about "al@x.com". */
    private static final int MIN_LOCAL_PART = 3;

    /** The most common passwords of at least twelve characters in public breach corpora. */
    private static final Set<String> COMMON = Set.of(
            "password1234",
            "password12345",
            "password123!",
            "passwordpassword",
            "123456789012",
            "1234567890123",
            "12345678901234",
            "1234567890ab",
            "abc123456789",
            "abcdefghijkl",
            "qwertyuiopas",
            "qwertyuiop12",
            "qwerty123456",
            "1q2w3e4r5t6y",
            "1qaz2wsx3edc",
            "iloveyou1234",
            "welcome12345",
            "letmein12345",
            "administrator",
            "changeme1234",
            "trustno11234",
            "football1234",
            "baseball1234",
            "sunshine1234",
            "princess1234",
            "monkey123456",
            "dragon123456",
            "superman1234",
            "michael12345",
            "tracehub1234");

    private PasswordPolicy() {}

    /**
     * @throws ValidationException on field {@code password} with a message saying what to change
     */
    static void check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw reject("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw reject("must be at most " + MAX_BYTES + " characters long (fewer with accented letters or symbols)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || password.codePoints().distinct().count() == 1) {
            throw reject("is too common; choose a longer phrase that is hard to guess");
        }
        String localPart = localPart(email);
        if (localPart.length() >= MIN_LOCAL_PART && lower.contains(localPart)) {
            throw reject("must not contain your e-mail address");
        }
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return (at < 0 ? email : email.substring(0, at)).trim().toLowerCase(Locale.ROOT);
    }

    private static ValidationException reject(String message) {
        return ValidationException.of("password", message);
    }
}
