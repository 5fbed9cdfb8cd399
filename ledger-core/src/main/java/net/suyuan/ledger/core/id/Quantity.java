package net.suyuan.ledger.core.id;

/**
 * A positive amount of product in its base unit (g, ml or piece; see {@link BaseUnit}). Bounded by
 * 2^53 − 1 so every quantity is an exact JSON integer (I-JSON, RFC 7493 §2.2).
 */
public record Quantity(long value) {
  public static final long MAX = (1L << 53) - 1;

  public Quantity {
    if (value <= 0) {
      throw new IllegalArgumentException("quantity must be positive, got " + value);
    }
    if (value > MAX) {
      throw new IllegalArgumentException("quantity exceeds 2^53-1, got " + value);
    }
  }

  public static Quantity of(long value) {
    return new Quantity(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
