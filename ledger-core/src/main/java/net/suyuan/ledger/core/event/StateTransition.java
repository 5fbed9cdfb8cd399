package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.event.LedgerView.HouseholdInfo;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.ProductInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.id.LotId;

/**
 * The one validation state transition: how an accepted event changes what {@link EventValidator}
 * reads. Every {@link LedgerState} (in memory, or the api's overlay over stored rows) changes only
 * through here, so they cannot drift apart. It trusts its input: call it only after {@link
 * EventValidator#validate} accepted the event against the same state; a call that breaks that (a
 * missing lot or sale, an overdrawn lot, a sum past {@code long}) throws {@link
 * IllegalStateException} or {@link ArithmeticException} and may leave the state half-changed.
 */
public final class StateTransition {
  private StateTransition() {}

  /** Updates {@code state} with {@code event}, which validated against it. */
  public static void apply(LedgerState state, LedgerEvent event) {
    switch (event) {
      case ProductRegistered e -> state.addProduct(new ProductInfo(e.gtin(), e.baseUnit()));
      case StandardPublished e -> state.addStandard(e);
      case SiteRegistered e -> state.addSite(e.baseId());
      case HouseholdEnrolled e ->
          state.addHousehold(new HouseholdInfo(e.householdId(), e.cooperative()));
      case HarvestDelivered e -> deliver(state, e);
      case LotTransformed e -> {
        for (LotTransformed.LotInput in : e.inputs()) {
          draw(state, in.lotId(), in.quantity().value());
        }
        for (LotTransformed.LotOutput out : e.outputs()) {
          state.putLot(new LotInfo(out.lotId(), out.gtin(), out.quantity().value(), false));
        }
      }
      case SaleRecorded e -> {
        draw(state, e.lotId(), e.quantity().value());
        state.putSale(SaleInfo.of(e));
      }
      case SaleRefunded e -> {
        SaleInfo sale =
            state.sale(e.saleId()).orElseThrow(() -> notValidated(e.saleId() + " does not exist"));
        state.putSale(sale.after(e));
        state.addRefund(e);
      }
      // these change nothing validation reads
      case ProductionRecorded e -> {}
      case InspectionRecorded e -> {}
      case WageRecorded e -> {}
      case PayoutMade e -> {}
    }
  }

  /** The first delivery creates a harvest lot; later ones add to it. */
  private static void deliver(LedgerState state, HarvestDelivered e) {
    long quantity = e.quantity().value();
    state.putLot(
        state
            .lot(e.lotId())
            .map(
                lot ->
                    new LotInfo(
                        lot.lotId(),
                        lot.gtin(),
                        Math.addExact(lot.remaining(), quantity),
                        lot.harvestLot()))
            .orElseGet(() -> new LotInfo(e.lotId(), e.gtin(), quantity, true)));
  }

  private static void draw(LedgerState state, LotId lotId, long quantity) {
    LotInfo lot = state.lot(lotId).orElseThrow(() -> notValidated(lotId + " does not exist"));
    if (quantity > lot.remaining()) {
      throw notValidated("lot " + lotId + " overdrawn");
    }
    state.putLot(new LotInfo(lotId, lot.gtin(), lot.remaining() - quantity, lot.harvestLot()));
  }

  private static IllegalStateException notValidated(String what) {
    return new IllegalStateException("apply without validate: " + what);
  }
}
