package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.EventValidator.reject;

import java.util.OptionalInt;
import net.suyuan.ledger.core.event.LedgerView.StandardVersionInfo;
import net.suyuan.ledger.core.id.OrgId;

/** Products, standards, sites and households: registered once, referenced thereafter. */
final class CatalogRules {
  private CatalogRules() {}

  static void product(LedgerView view, ProductRegistered e) throws EventValidationException {
    if (view.product(e.gtin()).isPresent()) {
      throw reject("gtin", "product " + e.gtin() + " is already registered");
    }
  }

  static void site(LedgerView view, SiteRegistered e) throws EventValidationException {
    if (view.siteExists(e.baseId())) {
      throw reject("baseId", "production base " + e.baseId() + " is already registered");
    }
  }

  static void household(LedgerView view, OrgId actor, HouseholdEnrolled e)
      throws EventValidationException {
    if (view.household(e.householdId()).isPresent()) {
      throw reject("householdId", "household " + e.householdId() + " is already enrolled");
    }
    if (!e.cooperative().equals(actor)) {
      throw reject(
          "cooperative",
          "a household is enrolled by its own cooperative "
              + e.cooperative()
              + ", but the actor is "
              + actor);
    }
  }

  static void standard(LedgerView view, StandardPublished e) throws EventValidationException {
    References.product(view, e.gtin(), "gtin");
    OptionalInt latest = view.latestStandardVersion(e.standardId());
    if (latest.isEmpty()) {
      return;
    }
    if (e.version() <= latest.getAsInt()) {
      throw reject(
          "version",
          "standard "
              + e.standardId()
              + " version "
              + e.version()
              + " is not greater than its latest version "
              + latest.getAsInt());
    }
    StandardVersionInfo previous =
        view.standard(e.standardId(), latest.getAsInt()).orElseThrow(IllegalStateException::new);
    if (!previous.gtin().equals(e.gtin())) {
      throw reject(
          "gtin",
          "standard "
              + e.standardId()
              + " grades product "
              + previous.gtin()
              + ", not "
              + e.gtin());
    }
  }
}
