package net.suyuan.ledger.core.income;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The largest-remainder method (Hamilton's method), the one rounding rule of this package: each
 * share gets the floor of its exact quota, and the units still missing go one each to the shares
 * with the largest remainders; equal remainders go to the lower index. Callers order shares by
 * household id, so ties go to the smaller household id (by {@link String#compareTo}, ids being
 * ASCII). The shares always add up to the total exactly.
 */
final class LargestRemainder {
  private LargestRemainder() {}

  /**
   * Splits {@code total} in proportion to {@code weights} (all {@code >= 0}, summing to at most
   * 2^63-1). Each share is at most the ceiling of its quota, so {@code total <= sum(weights)} gives
   * every share at most its weight.
   *
   * @throws IllegalArgumentException for a negative total or weight, or a positive total over
   *     weights that are all zero
   */
  static long[] apportion(long total, long[] weights) {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative, got " + total);
    }
    long sum = 0;
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("weights must not be negative, got " + w);
      }
      sum = Math.addExact(sum, w);
    }
    long[] floors = new long[weights.length];
    if (total == 0) {
      return floors;
    }
    if (sum == 0) {
      throw new IllegalArgumentException("cannot split " + total + " over zero weights");
    }
    long[] remainders = new long[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      long[] qr = mulDivRem(total, weights[i], sum);
      floors[i] = qr[0];
      remainders[i] = qr[1];
      assigned += qr[0];
    }
    return distribute(floors, remainders, total - assigned);
  }

  /**
   * As {@link #apportion(long, long[])} for weights whose {@code sum} exceeds a long: the exact
   * quotas {@code total * weight / sum} in BigInteger, remainders compared exactly.
   */
  static long[] apportion(long total, BigInteger[] weights, BigInteger sum) {
    if (total < 0) {
      throw new IllegalArgumentException("total must not be negative, got " + total);
    }
    long[] floors = new long[weights.length];
    BigInteger[] remainders = new BigInteger[weights.length];
    BigInteger t = BigInteger.valueOf(total);
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr = t.multiply(weights[i]).divideAndRemainder(sum);
      floors[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      assigned += floors[i];
    }
    return distribute(floors, (a, b) -> remainders[b].compareTo(remainders[a]), total - assigned);
  }

  /**
   * Adds one to the {@code leftover} entries of {@code floors} with the largest {@code remainders},
   * ties to the lower index; returns {@code floors}. All remainders must be against the same
   * divisor.
   */
  static long[] distribute(long[] floors, long[] remainders, long leftover) {
    return distribute(floors, (a, b) -> Long.compare(remainders[b], remainders[a]), leftover);
  }

  /** {@code largerFirst} orders indexes by remainder, larger first; equal ones by index. */
  private static long[] distribute(long[] floors, Comparator<Integer> largerFirst, long leftover) {
    if (leftover < 0 || leftover > floors.length) {
      throw new IllegalStateException(
          "leftover " + leftover + " outside 0.." + floors.length + ": quotas do not add up");
    }
    if (leftover == 0) {
      return floors;
    }
    Integer[] order = new Integer[floors.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, largerFirst.thenComparing(Comparator.naturalOrder()));
    for (int k = 0; k < leftover; k++) {
      floors[order[k]]++;
    }
    return floors;
  }

  /**
   * {@code {floor(a * b / c), a * b mod c}} exactly, for {@code a, b >= 0} and {@code c > 0}; the
   * quotient must fit a long. Uses long arithmetic when {@code a * b} fits, BigInteger otherwise,
   * with identical results.
   */
  static long[] mulDivRem(long a, long b, long c) {
    long product = a * b;
    if (Math.multiplyHigh(a, b) == 0 && product >= 0) {
      return new long[] {product / c, product % c};
    }
    BigInteger[] qr =
        BigInteger.valueOf(a)
            .multiply(BigInteger.valueOf(b))
            .divideAndRemainder(BigInteger.valueOf(c));
    return new long[] {qr[0].longValueExact(), qr[1].longValueExact()};
  }
}
