package net.suyuan.ledger.core.income;

import java.time.LocalDate;
import java.util.Objects;

/** Calendar dates {@code from..to}, both inclusive, in the attribution's zone. */
public record DateRange(LocalDate from, LocalDate to) {
  /** Every date a ledger can hold. */
  public static final DateRange ALL =
      new DateRange(LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31));

  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to " + to + " is before from " + from);
    }
  }

  /** January 1 to December 31 of {@code year}. */
  public static DateRange year(int year) {
    return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
