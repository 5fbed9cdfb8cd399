package net.suyuan.ledger.core.income;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.income.Composition.Component;

/**
 * One lot's remaining quantity and composition. Deliveries are kept as exact quantities ({@code
 * pending}) until the lot is next drawn from; only then are they mixed with what the lot held, in
 * one exact mix. So a harvest lot filled by many deliveries and then graded is mixed once, and each
 * delivery costs O(1). Reading the composition never changes the state: a live view that is queried
 * stays identical to a replay that is not. Not thread-safe.
 */
final class LotState {
  final Gtin gtin;
  private long remaining;
  private Composition settled; // of (remaining - pendingTotal) units; unused when that is 0
  private final TreeMap<HouseholdId, Long> pending = new TreeMap<>(Households.ORDER);
  private long pendingTotal;

  private LotState(Gtin gtin, long remaining, Composition settled) {
    this.gtin = gtin;
    this.remaining = remaining;
    this.settled = settled;
  }

  static LotState delivered(Gtin gtin) {
    return new LotState(gtin, 0, null);
  }

  static LotState created(Gtin gtin, long quantity, Composition composition) {
    return new LotState(gtin, quantity, composition);
  }

  long remaining() {
    return remaining;
  }

  void deliver(HouseholdId household, long quantity) {
    pending.merge(household, quantity, Math::addExact);
    pendingTotal = Math.addExact(pendingTotal, quantity);
    remaining = Math.addExact(remaining, quantity);
  }

  /** The current composition; pure. Empty lots have none. */
  Composition composition() {
    if (remaining == 0) {
      return null;
    }
    List<Component> components = new ArrayList<>(pending.size() + 1);
    long settledQuantity = remaining - pendingTotal;
    if (settledQuantity > 0) {
      components.add(new Component(settledQuantity, settled));
    }
    for (Map.Entry<HouseholdId, Long> e : pending.entrySet()) {
      components.add(new Component(e.getValue(), Composition.single(e.getKey())));
    }
    return Composition.mix(components);
  }

  /**
   * Takes {@code quantity} out; returns the composition of what was taken (and of what is left).
   */
  Composition draw(long quantity) {
    if (quantity <= 0 || quantity > remaining) {
      throw new IllegalStateException(
          "cannot draw " + quantity + " from a lot holding " + remaining + ": entry not validated");
    }
    if (!pending.isEmpty()) {
      settled = composition();
      pending.clear();
      pendingTotal = 0;
    }
    remaining -= quantity;
    return settled;
  }
}
