package net.suyuan.ledger.core.json;

/**
 * A JSON number. RFC 8785 §3.2.2.3 gives numbers the semantics of IEEE 754 doubles, so that is what
 * this holds. Ledger data uses only integers within ±(2^53 − 1), which doubles represent exactly
 * (I-JSON, RFC 7493 §2.2); {@link #longValueExact()} is how domain code reads them.
 */
public record JsonNumber(double value) implements JsonValue {
  /** The largest integer every JSON implementation represents exactly: 2^53 − 1. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  public JsonNumber {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
    }
  }

  /** An integer number; rejects values outside the I-JSON safe range. */
  public static JsonNumber of(long value) {
    if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("integer outside ±(2^53-1): " + value);
    }
    return new JsonNumber(value);
  }

  /** True when this number is an integer within ±(2^53 − 1). */
  public boolean isSafeInteger() {
    return value == Math.rint(value) && Math.abs(value) <= MAX_SAFE_INTEGER;
  }

  /**
   * This number as a long.
   *
   * @throws ArithmeticException if it has a fraction or lies outside ±(2^53 − 1)
   */
  public long longValueExact() {
    if (!isSafeInteger()) {
      throw new ArithmeticException(
          "not an integer within ±(2^53-1): " + Es6Numbers.toString(value));
    }
    return (long) value;
  }

  @Override
  public String toString() {
    return Es6Numbers.toString(value);
  }
}
