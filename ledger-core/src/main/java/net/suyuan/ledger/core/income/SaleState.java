package net.suyuan.ledger.core.income;

import net.suyuan.ledger.core.id.HouseholdId;

/**
 * What a refund needs of its sale: gross and net, what has been refunded and reversed so far, what
 * each household still holds of the sale's net revenue (never below zero), and the sold lot's
 * composition, which bears what refunds reverse beyond the holdings (fees the platform kept).
 */
final class SaleState {
  final SaleRef ref;
  final Composition composition;
  final long grossFen;
  final long netFen;
  final HouseholdId[] households;
  final long[] held;
  long refundedGrossFen;
  long reversedNetFen;

  SaleState(
      SaleRef ref,
      Composition composition,
      long grossFen,
      long netFen,
      HouseholdId[] households,
      long[] held) {
    this.ref = ref;
    this.composition = composition;
    this.grossFen = grossFen;
    this.netFen = netFen;
    this.households = households;
    this.held = held;
  }

  /**
   * The part of net revenue that refunds totalling {@code refundedGross} reverse: {@code floor(net
   * * refundedGross / gross)}, so a full refund reverses the whole net and nothing more.
   */
  long reversalThrough(long refundedGross) {
    if (grossFen == 0) {
      return 0;
    }
    return LargestRemainder.mulDivRem(netFen, refundedGross, grossFen)[0];
  }
}
