package net.suyuan.ledger.core.income;

import java.util.Objects;
import java.util.Optional;
import net.suyuan.ledger.core.id.Channel;

/**
 * One sales channel's totals over a range, in fen: gross of sales, refunded (refund amounts, as a
 * positive number), net (what reached households: gross - fees - refund reversals), quantity sold
 * (base units, before refunds), households with a sale line in the channel, and their sales income
 * from it.
 */
public record ChannelFigures(
    Channel channel,
    long grossFen,
    long refundedFen,
    long netFen,
    long quantitySold,
    int householdsReached,
    long householdIncomeFen) {
  public ChannelFigures {
    Objects.requireNonNull(channel, "channel");
  }

  /** Revenue: gross of sales less refunds. */
  public long revenueFen() {
    return Math.subtractExact(grossFen, refundedFen);
  }

  /** Sales income per household reached, in fen. */
  public Optional<Ratio> averageIncomePerHousehold() {
    return Ratio.of(householdIncomeFen, householdsReached);
  }

  /** Refunded / gross. */
  public Optional<Ratio> refundRate() {
    return Ratio.of(refundedFen, grossFen);
  }

  /** The share of revenue that reached households after fees: net / revenue. */
  public Optional<Ratio> householdShare() {
    return Ratio.of(netFen, revenueFen());
  }
}
