package net.suyuan.ledger.core.id;

/**
 * A Global Trade Item Number, always held as 14 digits. GTIN-8, -12 and -13 are accepted and
 * left-padded with zeros, which GS1 defines as the same number (GS1 General Specifications §3.3.2).
 * The last digit is the mod-10 check digit of GS1 General Specifications §7.9.1.
 */
public record Gtin(String value) {
  public Gtin {
    if (value == null) {
      throw new IllegalArgumentException("GTIN is missing");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "GTIN contains '" + c + "' at index " + i + "; only digits 0-9 are allowed");
      }
    }
    int n = value.length();
    if (n != 8 && n != 12 && n != 13 && n != 14) {
      throw new IllegalArgumentException("GTIN has " + n + " digits; expected 8, 12, 13 or 14");
    }
    value = "0".repeat(14 - n) + value;
    int expected = checkDigit(value.substring(0, 13));
    int actual = value.charAt(13) - '0';
    if (actual != expected) {
      throw new IllegalArgumentException(
          "GTIN check digit is " + actual + " but should be " + expected);
    }
  }

  public static Gtin of(String value) {
    return new Gtin(value);
  }

  /**
   * The GTIN-14 whose first 13 digits are {@code first13}, with its check digit computed (for tools
   * and tests that make up product numbers).
   */
  public static Gtin completing(String first13) {
    if (first13 == null
        || first13.length() != 13
        || !first13.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("expected 13 digits, got " + first13);
    }
    return new Gtin(first13 + checkDigit(first13));
  }

  /**
   * The GS1 mod-10 check digit for {@code digits} (GS1 General Specifications §7.9.1): weights 3
   * and 1 alternate starting with 3 at the digit next to the check digit.
   */
  static int checkDigit(String digits) {
    int sum = 0;
    for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
      sum += (digits.charAt(i) - '0') * weight;
    }
    return (10 - sum % 10) % 10;
  }

  @Override
  public String toString() {
    return value;
  }
}
