package net.suyuan.ledger.core.income;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * One household's share of one ledger entry: the row behind every household figure, and what a
 * store persists. Amounts are signed fen (see {@link IncomeKind}); lines of zero are never made.
 *
 * @param seq the ledger entry this line comes from
 * @param occurredAt the event's {@code occurredAt}
 * @param date {@code occurredAt} as a calendar date in the attribution's zone (see {@link
 *     IncomeAttribution#zone()}); periods and months are taken from it
 * @param sale present exactly for SALE and REFUND lines
 */
public record IncomeLine(
    HouseholdId householdId,
    long seq,
    IncomeKind kind,
    long amountFen,
    Instant occurredAt,
    LocalDate date,
    Optional<SaleRef> sale) {
  public IncomeLine {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(sale, "sale");
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive, got " + seq);
    }
    if (amountFen == 0 || Math.abs(amountFen) > Fen.MAX) {
      throw new IllegalArgumentException("amount must be nonzero within 2^53-1, got " + amountFen);
    }
    if ((amountFen < 0) != (kind == IncomeKind.REFUND)) {
      throw new IllegalArgumentException(kind + " line with amount " + amountFen + " fen");
    }
    if (sale.isPresent() != kind.ofSale()) {
      throw new IllegalArgumentException(
          kind + " line " + (sale.isPresent() ? "with" : "without") + " a sale");
    }
  }

  /** The month of {@link #date()}. */
  public YearMonth month() {
    return YearMonth.from(date);
  }

  /** The sale's channel, for SALE and REFUND lines. */
  public Optional<Channel> channel() {
    return sale.map(SaleRef::channel);
  }
}
