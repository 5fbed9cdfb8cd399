package net.suyuan.ledger.core.event;

/** Wages and payouts go to enrolled households (and wages to work at a registered base). */
final class PaymentRules {
  private PaymentRules() {}

  static void check(LedgerView view, LedgerEvent event) throws EventValidationException {
    if (event instanceof WageRecorded) {
      WageRecorded e = (WageRecorded) event;
      References.household(view, e.householdId(), "householdId");
      References.site(view, e.baseId(), "baseId");
    } else if (event instanceof PayoutMade) {
      References.household(view, ((PayoutMade) event).householdId(), "householdId");
    }
  }
}
