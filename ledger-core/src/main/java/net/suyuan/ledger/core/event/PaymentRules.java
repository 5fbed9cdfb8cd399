package net.suyuan.ledger.core.event;

/** Wages and payouts go to enrolled households (and wages to work at a registered base). */
final class PaymentRules {
  private PaymentRules() {}

  static void wage(LedgerView view, WageRecorded e) throws EventValidationException {
    References.household(view, e.householdId(), "householdId");
    References.site(view, e.baseId(), "baseId");
  }

  static void payout(LedgerView view, PayoutMade e) throws EventValidationException {
    References.household(view, e.householdId(), "householdId");
  }
}
