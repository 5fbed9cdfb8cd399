package net.suyuan.ledger.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {
  // Check digits computed by hand (GS1 General Specifications §7.9.1), not by Gtin itself.
  @ParameterizedTest
  @CsvSource({
    "4006381333931, 04006381333931", // GTIN-13, the classic EAN example
    "9501101530003, 09501101530003", // GS1 General Specifications example
    "06901234567892, 06901234567892", // GTIN-14 with leading zero (China prefix 690)
    "6901234567892, 06901234567892",
    "96385074, 00000096385074", // GTIN-8
    "123456789012, 00123456789012", // GTIN-12 (UPC-A)
  })
  void of_validGtin_isPaddedTo14Digits(String input, String expected) {
    assertThat(Gtin.of(input).value()).isEqualTo(expected);
  }

  @Test
  void of_paddedAndUnpaddedForms_areEqual() {
    assertThat(Gtin.of("4006381333931")).isEqualTo(Gtin.of("04006381333931"));
  }

  @Test
  void of_wrongCheckDigit_rejectedNamingBothDigits() {
    assertThatThrownBy(() -> Gtin.of("4006381333932"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GTIN check digit is 2 but should be 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"400638133393A", "4006381 33931", "４００６３８１３３３９３１", "-006381333931"})
  void of_nonDigit_rejected(String input) {
    assertThatThrownBy(() -> Gtin.of(input)).hasMessageContaining("only digits 0-9 are allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1234567", "123456789", "12345678901", "123456789012345"})
  void of_wrongLength_rejected(String input) {
    assertThatThrownBy(() -> Gtin.of(input))
        .hasMessage("GTIN has " + input.length() + " digits; expected 8, 12, 13 or 14");
  }

  @Test
  void of_null_rejected() {
    assertThatThrownBy(() -> new Gtin(null)).hasMessage("GTIN is missing");
  }

  /** Mod 10 with weights 3 and 1 detects every single-digit error. */
  @Test
  void of_anySingleDigitChange_rejected() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 13; i++) {
        body.append((char) ('0' + random.nextInt(10)));
      }
      String valid = body.toString() + Gtin.checkDigit(body.toString());
      assertThat(Gtin.of(valid).value()).as("seed %d", seed).isEqualTo(valid);
      int pos = random.nextInt(14);
      char replacement = (char) ('0' + (valid.charAt(pos) - '0' + 1 + random.nextInt(9)) % 10);
      String mutated = valid.substring(0, pos) + replacement + valid.substring(pos + 1);
      assertThatThrownBy(() -> Gtin.of(mutated))
          .as("seed %d, %s -> %s", seed, valid, mutated)
          .hasMessageContaining("check digit");
    }
  }

  @org.junit.jupiter.api.Test
  void completingComputesTheCheckDigit() {
    org.assertj.core.api.Assertions.assertThat(Gtin.completing("0690123450000").value())
        .isEqualTo("06901234500004");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gtin.completing("069012345000"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
