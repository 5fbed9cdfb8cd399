package net.suyuan.ledger.core.income;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * The test's independent reference: each lot's composition as exact fractions (BigInteger
 * rationals, no rounding at all) and the set of households that ever put anything into it.
 */
final class ExactModel {
  /** Household to its fraction of the lot. */
  record Lot(long remaining, Map<HouseholdId, Ratio> fractions) {}

  final Map<String, Lot> lots = new HashMap<>();

  void deliver(String lot, HouseholdId h, long quantity) {
    Lot old = lots.getOrDefault(lot, new Lot(0, Map.of()));
    long total = old.remaining() + quantity;
    Map<HouseholdId, Ratio> f = new HashMap<>();
    old.fractions().forEach((k, v) -> f.put(k, scale(v, old.remaining(), total)));
    f.values().removeIf(v -> v.numerator().signum() == 0); // a drawn-empty lot forgets them
    f.merge(h, Ratio.of(quantity, total).orElseThrow(), ExactModel::add);
    lots.put(lot, new Lot(total, f));
  }

  /** Draws from each input; all outputs get the pooled composition. */
  void transform(Map<String, Long> inputs, Map<String, Long> outputs) {
    long total = inputs.values().stream().mapToLong(Long::longValue).sum();
    Map<HouseholdId, Ratio> pooled = new HashMap<>();
    inputs.forEach(
        (lot, q) -> {
          Lot l = lots.get(lot);
          l.fractions().forEach((h, v) -> pooled.merge(h, scale(v, q, total), ExactModel::add));
          lots.put(lot, new Lot(l.remaining() - q, l.fractions()));
        });
    outputs.forEach((lot, q) -> lots.put(lot, new Lot(q, pooled)));
  }

  void draw(String lot, long quantity) {
    Lot l = lots.get(lot);
    lots.put(lot, new Lot(l.remaining() - quantity, l.fractions()));
  }

  Set<HouseholdId> support(String lot) {
    return lots.get(lot).fractions().keySet();
  }

  Map<HouseholdId, Ratio> fractions(String lot) {
    return lots.get(lot).fractions();
  }

  /**
   * The brute-force reference split: {@code amount} by exact fractions (summing to 1), each
   * household the floor of its exact quota, the fen left over one each to the largest fractional
   * parts (compared exactly, as fractions), ties to the smaller household id. Written from the
   * documented rule alone, sharing no code with the implementation.
   */
  static Map<HouseholdId, Long> split(long amount, Map<HouseholdId, Ratio> fractions) {
    List<HouseholdId> ids = new ArrayList<>(fractions.keySet());
    ids.sort(Comparator.comparing(HouseholdId::value));
    Map<HouseholdId, Long> out = new TreeMap<>(Comparator.comparing(HouseholdId::value));
    Map<HouseholdId, Ratio> rest = new HashMap<>();
    BigInteger a = BigInteger.valueOf(amount);
    long assigned = 0;
    for (HouseholdId h : ids) {
      Ratio f = fractions.get(h);
      BigInteger[] qr = a.multiply(f.numerator()).divideAndRemainder(f.denominator());
      out.put(h, qr[0].longValueExact());
      rest.put(h, new Ratio(qr[1], f.denominator()));
      assigned += qr[0].longValueExact();
    }
    List<HouseholdId> byRest = new ArrayList<>(ids);
    byRest.sort(
        (x, y) -> {
          Ratio rx = rest.get(x);
          Ratio ry = rest.get(y);
          int c =
              ry.numerator()
                  .multiply(rx.denominator())
                  .compareTo(rx.numerator().multiply(ry.denominator()));
          return c != 0 ? c : x.value().compareTo(y.value());
        });
    for (int k = 0; k < amount - assigned; k++) {
      out.merge(byRest.get(k), 1L, Long::sum);
    }
    out.values().removeIf(v -> v == 0);
    return out;
  }

  private static Ratio scale(Ratio r, long num, long den) {
    return Ratio.of(
            r.numerator().multiply(BigInteger.valueOf(num)),
            r.denominator().multiply(BigInteger.valueOf(den)))
        .orElseThrow();
  }

  private static Ratio add(Ratio a, Ratio b) {
    return Ratio.of(
            a.numerator().multiply(b.denominator()).add(b.numerator().multiply(a.denominator())),
            a.denominator().multiply(b.denominator()))
        .orElseThrow();
  }
}
