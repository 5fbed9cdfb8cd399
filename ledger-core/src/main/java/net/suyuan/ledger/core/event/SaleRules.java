package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.EventValidator.reject;

import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.id.Fen;

/**
 * Sales draw on lots; refunds together never exceed their sale's quantity or gross amount, nor
 * return more of any fee than the sale was charged.
 */
final class SaleRules {
  private SaleRules() {}

  static void sale(LedgerView view, SaleRecorded e) throws EventValidationException {
    if (view.sale(e.saleId()).isPresent()) {
      throw reject("saleId", "sale " + e.saleId() + " is already recorded");
    }
    LotInfo lot = References.lot(view, e.lotId(), "lotId");
    LotRules.requireHolds(view, lot, e.quantity(), "quantity", "sell");
  }

  static void refund(LedgerView view, SaleRefunded e) throws EventValidationException {
    if (view.refundExists(e.refundId())) {
      throw reject("refundId", "refund " + e.refundId() + " is already recorded");
    }
    SaleInfo sale =
        view.sale(e.saleId())
            .orElseThrow(() -> reject("saleId", "sale " + e.saleId() + " does not exist"));
    long quantityLeft = sale.quantity() - sale.refundedQuantity();
    if (e.quantity().value() > quantityLeft) {
      throw reject(
          "quantity",
          "refund quantity "
              + e.quantity()
              + " exceeds the "
              + quantityLeft
              + " still refundable of sale "
              + e.saleId()
              + " (sold "
              + sale.quantity()
              + ", refunded "
              + sale.refundedQuantity()
              + ")");
    }
    long amountLeft = sale.grossFen() - sale.refundedFen();
    if (e.amountFen().value() > amountLeft) {
      throw reject(
          "amountFen",
          "refund amount "
              + e.amountFen().value()
              + " fen exceeds the "
              + amountLeft
              + " fen still refundable of sale "
              + e.saleId()
              + " (gross "
              + sale.grossFen()
              + " fen, refunded "
              + sale.refundedFen()
              + " fen)");
    }
    feesReturned(sale, e);
  }

  /**
   * A sale's refunds either all state {@code feesReturned} or none does (an unstated refund returns
   * each fee in proportion, cumulatively, which a stated one before it would make inexact), and
   * together return at most each fee charged.
   */
  private static void feesReturned(SaleInfo sale, SaleRefunded e) throws EventValidationException {
    boolean earlier = sale.refundedQuantity() > 0;
    if (earlier && e.feesReturned().isPresent() != sale.feesReturned().isPresent()) {
      throw reject(
          "feesReturned",
          e.feesReturned().isPresent()
              ? "the earlier refunds of sale "
                  + e.saleId()
                  + " do not state feesReturned: a sale's refunds either all state it or none does"
              : "the earlier refunds of sale "
                  + e.saleId()
                  + " state feesReturned: a sale's refunds either all state it or none does");
    }
    if (e.feesReturned().isEmpty()) {
      return;
    }
    SaleFees now = e.feesReturned().get();
    SaleFees before = sale.feesReturned().orElse(SaleFees.NONE);
    SaleFees charged = sale.fees();
    fee("platformFen", now.platformFen(), before.platformFen(), charged.platformFen(), e);
    fee("serviceFen", now.serviceFen(), before.serviceFen(), charged.serviceFen(), e);
    fee("logisticsFen", now.logisticsFen(), before.logisticsFen(), charged.logisticsFen(), e);
    fee("packagingFen", now.packagingFen(), before.packagingFen(), charged.packagingFen(), e);
  }

  private static void fee(String name, Fen now, Fen before, Fen charged, SaleRefunded e)
      throws EventValidationException {
    long left = charged.value() - before.value();
    if (now.value() > left) {
      throw reject(
          "feesReturned." + name,
          "returns "
              + now.value()
              + " fen of "
              + name
              + " but sale "
              + e.saleId()
              + " was charged "
              + charged.value()
              + " fen of it and earlier refunds returned "
              + before.value()
              + " fen");
    }
  }
}
