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
 * What fraction of a lot came from which household: {@link #SCALE} parts (2^40) shared among the
 * households with a positive share, ordered by household id. A lot is homogeneous, so drawing from
 * it does not change its composition; mixing lots (a delivery into a drawn lot, a transformation)
 * apportions the parts anew by the largest-remainder method, exactly in integers. One part is 2^-40
 * (about 9.1e-13) of the lot; see docs/income.md for why this fixed point and not rationals.
 */
public final class Composition {
  /** Bits of {@link #SCALE}. */
  public static final int SCALE_BITS = 40;

  /** The parts of every composition add up to this. */
  public static final long SCALE = 1L << SCALE_BITS;

  private static final long MASK = SCALE - 1;

  private final HouseholdId[] households;
  private final long[] parts;

  private Composition(HouseholdId[] households, long[] parts) {
    this.households = households;
    this.parts = parts;
  }

  /**
   * A composition from explicit parts.
   *
   * @throws IllegalArgumentException unless every part is positive and they add up to {@link
   *     #SCALE}
   */
  public static Composition of(Map<HouseholdId, Long> parts) {
    TreeMap<HouseholdId, Long> sorted = new TreeMap<>(Households.ORDER);
    sorted.putAll(parts);
    HouseholdId[] ids = sorted.keySet().toArray(new HouseholdId[0]);
    long[] values = new long[ids.length];
    long sum = 0;
    for (int i = 0; i < ids.length; i++) {
      values[i] = sorted.get(ids[i]);
      if (values[i] <= 0) {
        throw new IllegalArgumentException("household " + ids[i] + " has " + values[i] + " parts");
      }
      sum = Math.addExact(sum, values[i]);
    }
    if (sum != SCALE) {
      throw new IllegalArgumentException("parts add up to " + sum + ", not 2^40");
    }
    return new Composition(ids, values);
  }

  /** A lot that came wholly from one household. */
  public static Composition single(HouseholdId household) {
    return new Composition(new HouseholdId[] {household}, new long[] {SCALE});
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
   * household h gets {@code sum(q_j * parts_j(h)) / sum(q_j)} parts, floors first, then the largest
   * remainders (ties to the smaller household id). A single component is returned unchanged.
   */
  static Composition mix(List<Component> components) {
    if (components.size() == 1) {
      return components.get(0).composition();
    }
    long total = 0;
    TreeMap<HouseholdId, BigInteger> weights = new TreeMap<>(Households.ORDER);
    for (Component c : components) {
      total = Math.addExact(total, c.quantity());
      BigInteger q = BigInteger.valueOf(c.quantity());
      Composition comp = c.composition();
      for (int i = 0; i < comp.households.length; i++) {
        BigInteger w = q.multiply(BigInteger.valueOf(comp.parts[i]));
        weights.merge(comp.households[i], w, BigInteger::add);
      }
    }
    BigInteger divisor = BigInteger.valueOf(total);
    HouseholdId[] ids = weights.keySet().toArray(new HouseholdId[0]);
    long[] floors = new long[ids.length];
    long[] remainders = new long[ids.length];
    long assigned = 0;
    for (int i = 0; i < ids.length; i++) {
      BigInteger[] qr = weights.get(ids[i]).divideAndRemainder(divisor);
      floors[i] = qr[0].longValueExact();
      remainders[i] = qr[1].longValueExact();
      assigned += floors[i];
    }
    long[] parts = LargestRemainder.distribute(floors, remainders, SCALE - assigned);
    return withoutZeros(ids, parts);
  }

  private static Composition withoutZeros(HouseholdId[] ids, long[] parts) {
    int n = 0;
    for (long p : parts) {
      n += p > 0 ? 1 : 0;
    }
    if (n == ids.length) {
      return new Composition(ids, parts);
    }
    HouseholdId[] keptIds = new HouseholdId[n];
    long[] keptParts = new long[n];
    for (int i = 0, k = 0; i < ids.length; i++) {
      if (parts[i] > 0) {
        keptIds[k] = ids[i];
        keptParts[k++] = parts[i];
      }
    }
    return new Composition(keptIds, keptParts);
  }

  /**
   * Splits {@code amount} (0..2^53-1) by parts, largest remainder, aligned with {@link
   * #household(int)}; the shares add up to {@code amount}. Exact: {@code amount * parts} is at most
   * 2^93, held as a 128-bit product, and the division by 2^40 is a shift.
   */
  long[] split(long amount) {
    if (amount < 0 || amount > (1L << 53) - 1) {
      throw new IllegalArgumentException("amount outside 0..2^53-1: " + amount);
    }
    long[] floors = new long[parts.length];
    long[] remainders = new long[parts.length];
    long assigned = 0;
    for (int i = 0; i < parts.length; i++) {
      long lo = amount * parts[i];
      long hi = Math.multiplyHigh(amount, parts[i]);
      floors[i] = (hi << (64 - SCALE_BITS)) | (lo >>> SCALE_BITS);
      remainders[i] = lo & MASK;
      assigned += floors[i];
    }
    return LargestRemainder.distribute(floors, remainders, amount - assigned);
  }

  /** How many households have a share. */
  public int size() {
    return households.length;
  }

  /** The i-th household in id order. */
  public HouseholdId household(int i) {
    return households[i];
  }

  /** The parts of the i-th household in id order. */
  public long parts(int i) {
    return parts[i];
  }

  /** The parts of {@code household}, 0 when it has no share. */
  public long parts(HouseholdId household) {
    int i = Arrays.binarySearch(households, household, Households.ORDER);
    return i < 0 ? 0 : parts[i];
  }

  /** Household to parts, in household id order. */
  public Map<HouseholdId, Long> asMap() {
    Map<HouseholdId, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < households.length; i++) {
      map.put(households[i], parts[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Composition
        && Arrays.equals(households, ((Composition) o).households)
        && Arrays.equals(parts, ((Composition) o).parts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(households) + Arrays.hashCode(parts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < households.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(households[i]).append('=').append(parts[i]);
    }
    return sb.append("} / 2^40").toString();
  }
}
