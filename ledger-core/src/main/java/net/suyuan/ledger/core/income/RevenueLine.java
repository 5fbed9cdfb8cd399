package net.suyuan.ledger.core.income;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one sale or refund entry did to the program's revenue, before it is split among households:
 * the basis of program figures (revenue, unit prices, refund rate, share reaching households). A
 * SALE line has {@code quantity > 0} and {@code gross, fees, net >= 0}; a REFUND line is the
 * reversal, every figure {@code <= 0} and {@code quantity < 0}. Always {@code gross - fees = net},
 * and the household lines of the same entry add up to {@code net}.
 */
public record RevenueLine(
    long seq,
    IncomeKind kind,
    SaleRef sale,
    Instant occurredAt,
    LocalDate date,
    long quantity,
    long grossFen,
    long feesFen,
    long netFen) {
  public RevenueLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sale, "sale");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(date, "date");
    if (seq <= 0) {
      throw new IllegalArgumentException("seq must be positive, got " + seq);
    }
    if (!kind.ofSale()) {
      throw new IllegalArgumentException("revenue lines are SALE or REFUND, not " + kind);
    }
    int sign = kind == IncomeKind.SALE ? 1 : -1;
    if (Long.signum(quantity) != sign
        || Long.signum(grossFen) == -sign
        || Long.signum(feesFen) == -sign
        || Long.signum(netFen) == -sign) {
      throw new IllegalArgumentException(kind + " line with the wrong signs: " + this);
    }
    if (Math.subtractExact(grossFen, feesFen) != netFen) {
      throw new IllegalArgumentException("gross - fees != net: " + this);
    }
  }
}
