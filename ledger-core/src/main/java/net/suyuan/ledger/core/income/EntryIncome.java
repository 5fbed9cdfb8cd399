package net.suyuan.ledger.core.income;

import java.util.List;

/**
 * What one ledger entry contributed to income: household lines, and for a sale or refund its
 * revenue line. Both empty for entries that move no money.
 */
public record EntryIncome(long seq, List<IncomeLine> households, List<RevenueLine> revenue) {
  public EntryIncome {
    households = List.copyOf(households);
    revenue = List.copyOf(revenue);
  }

  static EntryIncome none(long seq) {
    return new EntryIncome(seq, List.of(), List.of());
  }

  public boolean isEmpty() {
    return households.isEmpty() && revenue.isEmpty();
  }
}
