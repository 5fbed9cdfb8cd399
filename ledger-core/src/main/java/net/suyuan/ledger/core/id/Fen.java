package net.suyuan.ledger.core.id;

/**
 * An amount of money in fen (1/100 CNY), never negative. Bounded by 2^53 − 1 so that every amount
 * is an exact integer in any JSON implementation (I-JSON, RFC 7493 §2.2).
 */
public record Fen(long value) implements Comparable<Fen> {
  public static final long MAX = (1L << 53) - 1;
  public static final Fen ZERO = new Fen(0);

  public Fen {
    if (value < 0) {
      throw new IllegalArgumentException("amount in fen must not be negative, got " + value);
    }
    if (value > MAX) {
      throw new IllegalArgumentException("amount in fen exceeds 2^53-1, got " + value);
    }
  }

  public static Fen of(long value) {
    return new Fen(value);
  }

  /**
   * The sum of both amounts.
   *
   * @throws ArithmeticException if the sum exceeds {@link #MAX}
   */
  public Fen plus(Fen other) {
    long sum = value + other.value; // both <= 2^53, cannot overflow a long
    if (sum > MAX) {
      throw new ArithmeticException(
          "sum of " + value + " and " + other.value + " fen exceeds 2^53-1");
    }
    return new Fen(sum);
  }

  /** The sum of all amounts; throws {@link ArithmeticException} when it exceeds {@link #MAX}. */
  public static Fen sum(Fen... amounts) {
    Fen total = ZERO;
    for (Fen amount : amounts) {
      total = total.plus(amount);
    }
    return total;
  }

  @Override
  public int compareTo(Fen other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return value + " fen";
  }
}
