package net.suyuan.ledger.core.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript Number-to-String (ECMA-262 §7.1.12.1), which RFC 8785 §3.2.2.3 mandates for numbers.
 *
 * <p>{@code Double.toString} gives the shortest digits only since Java 19 (JDK-4511638), so the
 * digits are found here directly, whatever the JDK: the shortest decimal that rounds back to the
 * same double, and of those the closest to it (exact HALF_EVEN rounding of the exact binary value
 * gives both).
 */
final class Es6Numbers {
  private static final double TWO_POW_53 = 9007199254740992.0;

  private Es6Numbers() {}

  static String toString(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0) {
      return "0"; // also for -0 (ECMA-262: ToString(-0) is "0")
    }
    if (value == Math.rint(value) && Math.abs(value) < TWO_POW_53) {
      return Long.toString((long) value); // exact integers print as plain digits
    }
    StringBuilder out = new StringBuilder(26);
    if (value < 0) {
      out.append('-');
      value = -value;
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal shortest = null;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == value) {
        shortest = candidate;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale(); // value = digits × 10^(n−k)
    if (k <= n && n <= 21) {
      out.append(digits).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      int exponent = n - 1;
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
    return out.toString();
  }
}
