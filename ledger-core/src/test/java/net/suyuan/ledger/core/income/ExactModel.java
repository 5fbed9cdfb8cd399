package net.suyuan.ledger.core.income;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
