package net.suyuan.ledger.core.income;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * Splits a sale's net revenue by the sold lot's composition, and a refund's reversal by what each
 * household still holds of that sale (docs/income.md, "Sales" and "Refunds").
 */
final class SaleSplits {
  private SaleSplits() {}

  static EntryIncome sale(long seq, SaleRecorded e, IncomeAttribution state) {
    if (state.sales().containsKey(e.saleId())) {
      throw new IllegalStateException("sale " + e.saleId() + " exists: entry not validated");
    }
    LotState lot = state.lot(e.lotId());
    Composition composition = lot.draw(e.quantity().value());
    SaleRef ref = new SaleRef(e.saleId(), e.channel(), e.lotId(), lot.gtin);
    long gross = e.gross().value();
    long net = e.net().value();
    long[] shares = composition.split(net);
    HouseholdId[] households = new HouseholdId[shares.length];
    for (int i = 0; i < shares.length; i++) {
      households[i] = composition.household(i);
    }
    state
        .sales()
        .put(e.saleId(), new SaleState(ref, composition, gross, net, households, shares.clone()));
    RevenueLine revenue =
        new RevenueLine(
            seq,
            IncomeKind.SALE,
            ref,
            e.occurredAt(),
            state.date(e.occurredAt()),
            e.quantity().value(),
            gross,
            gross - net,
            net);
    return lines(seq, IncomeKind.SALE, ref, e.occurredAt(), state, households, shares, revenue);
  }

  static EntryIncome refund(long seq, SaleRefunded e, IncomeAttribution state) {
    SaleState sale = state.sales().get(e.saleId());
    if (sale == null) {
      throw new IllegalStateException("sale " + e.saleId() + " does not exist: not validated");
    }
    long amount = e.amountFen().value();
    long refunded = Math.addExact(sale.refundedGrossFen, amount);
    if (refunded > sale.grossFen) {
      throw new IllegalStateException("refunds of " + e.saleId() + " exceed its gross");
    }
    long reversal =
        e.feesReturned().isPresent()
            ? amount - e.feesReturned().get().total().value()
            : sale.reversalThrough(refunded) - sale.reversedNetFen;
    long[] taken = take(sale, reversal);
    long[] lines = new long[taken.length];
    for (int i = 0; i < taken.length; i++) {
      sale.held[i] = Math.max(0, sale.held[i] - taken[i]); // 0 once fees kept go beyond it
      lines[i] = -taken[i];
    }
    sale.refundedGrossFen = refunded;
    sale.reversedNetFen += reversal;
    RevenueLine revenue =
        new RevenueLine(
            seq,
            IncomeKind.REFUND,
            sale.ref,
            e.occurredAt(),
            state.date(e.occurredAt()),
            -e.quantity().value(),
            -amount,
            -(amount - reversal),
            -reversal);
    return lines(
        seq, IncomeKind.REFUND, sale.ref, e.occurredAt(), state, sale.households, lines, revenue);
  }

  /**
   * Who gives back {@code reversal}: first what the households still hold of the sale, split by
   * those holdings; anything beyond (only when a refund states fees the platform kept) by the sold
   * lot's exact shares. Largest remainder both times.
   */
  private static long[] take(SaleState sale, long reversal) {
    long held = 0;
    for (long h : sale.held) {
      held += h;
    }
    long fromHeld = Math.min(reversal, held);
    long[] taken = LargestRemainder.apportion(fromHeld, sale.held);
    if (reversal > fromHeld) {
      long[] beyond = sale.composition.split(reversal - fromHeld);
      for (int i = 0; i < taken.length; i++) {
        taken[i] += beyond[i];
      }
    }
    return taken;
  }

  private static EntryIncome lines(
      long seq,
      IncomeKind kind,
      SaleRef ref,
      Instant occurredAt,
      IncomeAttribution state,
      HouseholdId[] households,
      long[] amounts,
      RevenueLine revenue) {
    List<IncomeLine> out = new ArrayList<>();
    LocalDate date = state.date(occurredAt);
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] != 0) {
        out.add(
            new IncomeLine(
                households[i], seq, kind, amounts[i], occurredAt, date, Optional.of(ref)));
      }
    }
    return new EntryIncome(seq, out, List.of(revenue));
  }
}
