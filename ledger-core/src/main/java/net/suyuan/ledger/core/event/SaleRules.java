package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.EventValidator.reject;

import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;

/** Sales draw on lots; refunds together never exceed their sale's quantity or gross amount. */
final class SaleRules {
  private SaleRules() {}

  static void check(LedgerView view, LedgerEvent event) throws EventValidationException {
    if (event instanceof SaleRecorded) {
      SaleRecorded e = (SaleRecorded) event;
      if (view.sale(e.saleId()).isPresent()) {
        throw reject("saleId", "sale " + e.saleId() + " is already recorded");
      }
      LotInfo lot = References.lot(view, e.lotId(), "lotId");
      LotRules.requireHolds(view, lot, e.quantity(), "quantity", "sell");
    } else if (event instanceof SaleRefunded) {
      refund(view, (SaleRefunded) event);
    }
  }

  private static void refund(LedgerView view, SaleRefunded e) throws EventValidationException {
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
  }
}
