package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.id.BaseId;

/**
 * A ledger state that accepted events change: what validation reads ({@link LedgerView}) and the
 * row-level writes {@link StateTransition#apply} makes. The transition decides every value; an
 * implementation only stores it (in memory: {@link InMemoryLedgerState}; over stored rows with undo
 * and change tracking: the api's commit-group overlay). Call the writes only through {@link
 * StateTransition#apply}.
 */
public interface LedgerState extends LedgerView {
  /** A product just registered. */
  void addProduct(ProductInfo product);

  /** A standard version just published ({@link StandardVersionInfo#of} reads it). */
  void addStandard(StandardPublished published);

  /** A production base just registered. */
  void addSite(BaseId baseId);

  /** A household just enrolled. */
  void addHousehold(HouseholdInfo household);

  /** A lot created (absent before) or with a new remaining quantity. */
  void putLot(LotInfo lot);

  /** A sale recorded (absent before) or with new refund sums. */
  void putSale(SaleInfo sale);

  /** A refund just recorded (its sale's new sums come with {@link #putSale}). */
  void addRefund(SaleRefunded refund);
}
