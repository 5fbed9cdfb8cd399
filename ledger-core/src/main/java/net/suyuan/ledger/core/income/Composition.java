package net.suyuan.ledger.core.income;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * What fraction of a lot came from which household, exactly: each household with a share has a
 * positive integer weight, and its share is its weight over the sum of the weights (the total).
 * Weights are in lowest terms (their gcd is 1), so equal shares give equal compositions; households
 * are in id order. A harvest lot's weights are its delivered quantities (divided by their gcd); a
 * mix's weights are the exact mass-balance fractions over a common denominator (docs/income.md,
 * "Lot composition"). Nothing is rounded until money is split: an auditor with exact fractions gets
 * the same shares and the same fen.
 *
 * <p>Weights are held in longs while the total fits one (every delivery-only lot, and most mixes),
 * else as BigIntegers; the two forms give identical results, and which one a composition uses
 * follows from its (canonical) total, so equality is structural.
 */
public final class Composition {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final HouseholdId[] households;
  private final long[] weights; // when total <= Long.MAX_VALUE, else null
  private final BigInteger[] bigWeights; // when total > Long.MAX_VALUE, else null
  private final BigInteger total;

  private Composition(HouseholdId[] households, BigInteger[] weights, BigInteger total) {
    this.households = households;
    this.total = total;
    if (total.compareTo(LONG_MAX) <= 0) {
      this.weights = new long[weights.length];
      for (int i = 0; i < weights.length; i++) {
        this.weights[i] = weights[i].longValueExact();
      }
      this.bigWeights = null;
    } else {
      this.weights = null;
      this.bigWeights = weights;
    }
  }

  /**
   * A composition from explicit weights (reduced to lowest terms).
   *
   * @throws IllegalArgumentException unless every weight is positive and there is at least one
   */
  public static Composition of(Map<HouseholdId, Long> weights) {
    TreeMap<HouseholdId, BigInteger> sorted = new TreeMap<>(Households.ORDER);
    weights.forEach(
        (h, w) -> {
          if (w <= 0) {
            throw new IllegalArgumentException("household " + h + " has weight " + w);
          }
          sorted.put(h, BigInteger.valueOf(w));
        });
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("a composition needs at least one household");
    }
    return reduced(sorted);
  }

  /** A lot that came wholly from one household. */
  public static Composition single(HouseholdId household) {
    return new Composition(
        new HouseholdId[] {household}, new BigInteger[] {BigInteger.ONE}, BigInteger.ONE);
  }

  /** An amount of a lot with a known composition, as an ingredient of a mix. */
  record Component(long quantity, Composition composition) {
    Component {
      if (quantity <= 0) {
        throw new IllegalArgumentException("component quantity must be positive, got " + quantity);
      }
    }
  }

  /**
   * The composition of the components mixed together, each weighted by its quantity (mass balance):
   * household h's share is {@code sum_j q_j * w_j(h) / T_j} over {@code sum_j q_j}. Over the common
   * denominator {@code L = lcm(T_j)} its weight is {@code sum_j q_j * w_j(h) * (L / T_j)}, then
   * reduced. A single component is returned unchanged. No rounding.
   */
  static Composition mix(List<Component> components) {
    if (components.size() == 1) {
      return components.get(0).composition();
    }
    BigInteger lcm = BigInteger.ONE;
    for (Component c : components) {
      BigInteger t = c.composition().total;
      lcm = lcm.divide(lcm.gcd(t)).multiply(t);
    }
    TreeMap<HouseholdId, BigInteger> weights = new TreeMap<>(Households.ORDER);
    for (Component c : components) {
      Composition comp = c.composition();
      BigInteger factor = BigInteger.valueOf(c.quantity()).multiply(lcm.divide(comp.total));
      for (int i = 0; i < comp.households.length; i++) {
        weights.merge(comp.households[i], comp.weight(i).multiply(factor), BigInteger::add);
      }
    }
    return reduced(weights);
  }

  /** Divides the (positive) weights by their gcd, so every share has one representation. */
  private static Composition reduced(TreeMap<HouseholdId, BigInteger> weights) {
    HouseholdId[] ids = weights.keySet().toArray(new HouseholdId[0]);
    BigInteger[] values = weights.values().toArray(new BigInteger[0]);
    BigInteger gcd = BigInteger.ZERO;
    for (BigInteger w : values) {
      gcd = gcd.gcd(w);
    }
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i].divide(gcd);
      total = total.add(values[i]);
    }
    return new Composition(ids, values, total);
  }

  /**
   * Splits {@code amount} (0..2^53-1) by the exact shares, largest remainder (ties to the smaller
   * household id), aligned with {@link #household(int)}; the shares add up to {@code amount}.
   */
  long[] split(long amount) {
    if (amount < 0 || amount > (1L << 53) - 1) {
      throw new IllegalArgumentException("amount outside 0..2^53-1: " + amount);
    }
    return weights != null
        ? LargestRemainder.apportion(amount, weights)
        : LargestRemainder.apportion(amount, bigWeights, total);
  }

  /** How many households have a share. */
  public int size() {
    return households.length;
  }

  /** The i-th household in id order. */
  public HouseholdId household(int i) {
    return households[i];
  }

  /** The weight of the i-th household in id order; its share is weight / {@link #total()}. */
  public BigInteger weight(int i) {
    return weights != null ? BigInteger.valueOf(weights[i]) : bigWeights[i];
  }

  /** The sum of the weights: the common denominator of the shares, in lowest terms. */
  public BigInteger total() {
    return total;
  }

  /** The exact share of {@code household}, 0 when it has none. */
  public Ratio share(HouseholdId household) {
    int i = Arrays.binarySearch(households, household, Households.ORDER);
    return new Ratio(i < 0 ? BigInteger.ZERO : weight(i), total);
  }

  /** Household to exact share, in household id order. */
  public Map<HouseholdId, Ratio> asMap() {
    Map<HouseholdId, Ratio> map = new LinkedHashMap<>();
    for (int i = 0; i < households.length; i++) {
      map.put(households[i], new Ratio(weight(i), total));
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Composition c)) {
      return false;
    }
    return Arrays.equals(households, c.households)
        && Arrays.equals(weights, c.weights)
        && Arrays.equals(bigWeights, c.bigWeights);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(households)
        + (weights != null ? Arrays.hashCode(weights) : Arrays.hashCode(bigWeights));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < households.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(households[i]).append('=').append(weight(i));
    }
    return sb.append("} / ").append(total).toString();
  }
}
