package net.suyuan.ledger.core.income;

/**
 * What an {@link IncomeLine} records. The sign of its amount: SALE and WAGE are positive income,
 * REFUND negative income (the reversal of part of a sale), PAYOUT a positive amount paid to the
 * household, which is not income but reduces what is owed.
 */
public enum IncomeKind {
  SALE,
  REFUND,
  WAGE,
  PAYOUT;

  /** True for the kinds that belong to a sale: SALE and REFUND. */
  public boolean ofSale() {
    return this == SALE || this == REFUND;
  }

  /** True for the kinds counted in net income: SALE, REFUND and WAGE. */
  public boolean income() {
    return this != PAYOUT;
  }
}
