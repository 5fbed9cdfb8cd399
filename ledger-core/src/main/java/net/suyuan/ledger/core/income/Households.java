package net.suyuan.ledger.core.income;

import java.util.Comparator;
import net.suyuan.ledger.core.id.HouseholdId;

/** The one household order of this package: by id, {@link String#compareTo} (ids are ASCII). */
final class Households {
  static final Comparator<HouseholdId> ORDER = Comparator.comparing(HouseholdId::value);

  private Households() {}
}
