package net.suyuan.ledger.api.income.web;

import java.util.Optional;
import net.suyuan.ledger.core.income.Ratio;

/** How ratios appear in income JSON (docs/income.md, "Ratios, rounding and JSON"). */
final class Json {
  private Json() {}

  /** Whole fen, half away from zero; null when there is nothing to divide by. */
  static Long fen(Optional<Ratio> r) {
    return r.map(Ratio::rounded).orElse(null);
  }

  /** Percentage with two decimals, e.g. "76.00"; null when it cannot be computed. */
  static String percent(Optional<Ratio> r) {
    return r.map(Ratio::percent).orElse(null);
  }

  /** The exact value "n/d" for auditors; null when it cannot be computed. */
  static String exact(Optional<Ratio> r) {
    return r.map(Ratio::toString).orElse(null);
  }
}
