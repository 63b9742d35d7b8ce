package com.vibotaj.tracehub.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vibotaj.tracehub.platform.ValidationException;
import com.vibotaj.tracehub.platform.ValidationException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final String EMAIL = "adaeze.okafor@example.test";

    @Test
    void acceptsALongPassphrase() {
        assertThatCode(() -> PasswordPolicy.check("cocoa beans sail from Apapa", EMAIL))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsExactlyTwelveCharacters() {
        assertThatCode(() -> PasswordPolicy.check("Xk7#pL2!mQ9z", EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void refusesElevenCharacters() {
        assertRefused("Xk7#pL2!mQ9", "must be at least 12 characters long");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // Eleven emoji are 22 UTF-16 units but only eleven characters.
        assertRefused("😀".repeat(11), "must be at least 12 characters long");
    }

    @Test
    void acceptsSeventyTwoBytesAndRefusesMore() {
        assertThatCode(() -> PasswordPolicy.check("k".repeat(71) + "q", EMAIL)).doesNotThrowAnyException();
        assertRefused(
                "kq".repeat(36) + "z", "must be at most 72 characters long (fewer with accented letters or symbols)");
    }

    @Test
    void measuresTheMaximumInBytesBecauseBcryptDoes() {
        // 40 characters, 80 bytes in UTF-8: the encoder would refuse it, so the policy must first.
        assertRefused("é".repeat(40), "must be at most 72 characters long (fewer with accented letters or symbols)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "123456789012", "qwertyuiopas", "aaaaaaaaaaaaaa"})
    void refusesCommonPasswordsWhateverTheCase(String password) {
        assertRefused(password, "is too common; choose a longer phrase that is hard to guess");
    }

    @Test
    void refusesThePartOfTheEmailBeforeTheAtSignIgnoringCase() {
        assertRefused("my name is ADAEZE.OKAFOR ok", "must not contain your e-mail address");
    }

    @Test
    void ignoresAVeryShortEmailName() {
        assertThatCode(() -> PasswordPolicy.check("ab is short for alphabet", "ab@example.test"))
                .doesNotThrowAnyException();
    }

    private static void assertRefused(String password, String message) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, EMAIL))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.properties().get("errors"))
                                .isEqualTo(java.util.List.of(new FieldError("password", message))));
    }
}
