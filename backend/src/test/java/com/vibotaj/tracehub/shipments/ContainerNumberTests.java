package com.vibotaj.tracehub.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO 6346 vectors of reference-data §5 and the normalisation people's typing needs. */
class ContainerNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"CSQU3054383", "MRSU3452572", "APZU4812090", "MSCU1234566"})
    void validNumbersAreAccepted(String number) {
        assertThat(ContainerNumber.parse(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"TCNU7654321, 8", "MSCU1234567, 6", "CSQU3054384, 3"})
    void aWrongCheckDigitNamesTheRightOne(String number, int expected) {
        assertThat(ContainerNumber.checkDigit(number.substring(0, 10))).isEqualTo(expected);
        assertThat(ContainerNumber.problem(number))
                .hasValueSatisfying(p -> assertThat(p).contains("should be " + expected));
        assertThatThrownBy(() -> ContainerNumber.parse(number)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csqu 305438-3", " CSQU-3054383 ", "csqu.305438.3"})
    void spacesDashesDotsAndCaseAreNormalised(String typed) {
        assertThat(ContainerNumber.parse(typed).value()).isEqualTo("CSQU3054383");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "TBD", "CSQ3054383", "CSQX3054383", "CSQU305438", "CSQU30543831", "1SQU3054383"})
    void malformedNumbersAreRefused(String typed) {
        assertThat(ContainerNumber.problem(ContainerNumber.normalise(typed))).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"A, 10", "B, 12", "K, 21", "L, 23", "U, 32", "V, 34", "Z, 38"})
    void letterValuesSkipMultiplesOfEleven(char letter, int value) {
        // A number made of the letter in position 0 and zeros elsewhere: the sum is the letter's value.
        String first = letter + "000000000";
        assertThat(ContainerNumber.checkDigit(first)).isEqualTo(value % 11 % 10);
    }
}
