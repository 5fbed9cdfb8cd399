package net.suyuan.ledger.core.income;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An exact fraction, kept in lowest terms with a positive denominator: how this package states
 * averages, shares, rates and premiums without floating point. Two roundings, both half away from
 * zero: {@link #rounded()} to an integer (e.g. fen) and {@link #basisPoints()} (1 bp = 0.01%). JSON
 * shows a percentage as {@link #percent()}, e.g. {@code "76.00"}, and the exact value as {@link
 * #toString()}, e.g. {@code "19/25"}.
 */
public record Ratio(BigInteger numerator, BigInteger denominator) {
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

  public Ratio {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("denominator must be positive, got " + denominator);
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE) && gcd.signum() > 0) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
  }

  /** {@code numerator / denominator}, empty when the denominator is 0 (nothing to divide by). */
  public static Optional<Ratio> of(long numerator, long denominator) {
    return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** As {@link #of(long, long)}; a negative denominator flips both signs. */
  public static Optional<Ratio> of(BigInteger numerator, BigInteger denominator) {
    if (denominator.signum() == 0) {
      return Optional.empty();
    }
    return denominator.signum() > 0
        ? Optional.of(new Ratio(numerator, denominator))
        : Optional.of(new Ratio(numerator.negate(), denominator.negate()));
  }

  /** {@code (current - previous) / previous}; empty when {@code previous} is 0. */
  public static Optional<Ratio> growth(long previous, long current) {
    return of(Math.subtractExact(current, previous), previous);
  }

  /** The relative change from {@code previous} to {@code current}; empty when previous is 0. */
  public static Optional<Ratio> growth(Ratio previous, Ratio current) {
    return of(
            current.numerator.multiply(previous.denominator),
            previous.numerator.multiply(current.denominator))
        .map(Ratio::minusOne);
  }

  /** This minus one, e.g. a price relative to a reference turned into a premium. */
  public Ratio minusOne() {
    return new Ratio(numerator.subtract(denominator), denominator);
  }

  /** The nearest integer, halves away from zero: 5/2 is 3, -5/2 is -3. */
  public long rounded() {
    return roundHalfAwayFromZero(numerator, denominator).longValueExact();
  }

  /** Ten thousand times this, to the nearest integer, halves away from zero. */
  public long basisPoints() {
    return roundHalfAwayFromZero(numerator.multiply(TEN_THOUSAND), denominator).longValueExact();
  }

  /** {@link #basisPoints()} as a percentage with two decimals: 7600 bp is "76.00". */
  public String percent() {
    long bp = basisPoints();
    String sign = bp < 0 ? "-" : "";
    long abs = Math.abs(bp);
    return sign + (abs / 100) + "." + String.format("%02d", abs % 100);
  }

  private static BigInteger roundHalfAwayFromZero(BigInteger n, BigInteger d) {
    BigInteger[] qr = n.abs().divideAndRemainder(d);
    BigInteger q = qr[1].shiftLeft(1).compareTo(d) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    return n.signum() < 0 ? q.negate() : q;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
