package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.EventValidator.reject;

import net.suyuan.ledger.core.event.LedgerView.HouseholdInfo;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.ProductInfo;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;

/** Resolves the ids an event refers to, rejecting dangling references with the field's path. */
final class References {
  private References() {}

  static ProductInfo product(LedgerView view, Gtin gtin, String field)
      throws EventValidationException {
    return view.product(gtin)
        .orElseThrow(() -> reject(field, "product " + gtin + " is not registered"));
  }

  static LotInfo lot(LedgerView view, LotId lotId, String field) throws EventValidationException {
    return view.lot(lotId).orElseThrow(() -> reject(field, "lot " + lotId + " does not exist"));
  }

  static HouseholdInfo household(LedgerView view, HouseholdId id, String field)
      throws EventValidationException {
    return view.household(id)
        .orElseThrow(() -> reject(field, "household " + id + " is not enrolled"));
  }

  static void site(LedgerView view, BaseId id, String field) throws EventValidationException {
    if (!view.siteExists(id)) {
      throw reject(field, "production base " + id + " is not registered");
    }
  }

  /** " g", " ml", " piece" after a quantity of a lot's product; empty if the product is unknown. */
  static String unit(LedgerView view, Gtin gtin) {
    return view.product(gtin).map(p -> " " + p.baseUnit().wire()).orElse("");
  }
}
