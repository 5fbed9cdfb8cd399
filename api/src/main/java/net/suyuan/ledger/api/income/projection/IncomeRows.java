package net.suyuan.ledger.api.income.projection;

import java.util.Locale;
import net.suyuan.ledger.core.income.IncomeKind;

/** How core values are written in the income tables. */
public final class IncomeRows {
  private IncomeRows() {}

  /** {@code sale}, {@code refund}, {@code wage}, {@code payout}. */
  public static String kind(IncomeKind kind) {
    return KINDS[kind.ordinal()];
  }

  private static final String[] KINDS =
      java.util.Arrays.stream(IncomeKind.values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  public static IncomeKind kind(String value) {
    return IncomeKind.valueOf(value.toUpperCase(Locale.ROOT));
  }
}
