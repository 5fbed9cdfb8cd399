package net.suyuan.ledger.core.income;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * A program's figures over a date range, from the revenue and household lines of the entries it
 * covers (the caller chooses which: the sale and refund lines of the program's products, and wage
 * lines). Lines dated outside the range are ignored. A household participates when it has a SALE or
 * REFUND line in the range; only participating households' wages count (docs/income.md,
 * "Participating household", the one definition). Ratios are exact; see {@link Ratio} for rounding.
 */
public final class ProgramFigures {
  /** Channels counted as online sales: all but offline. */
  public static final Set<Channel> ONLINE =
      Collections.unmodifiableSet(
          java.util.EnumSet.of(Channel.PLATFORM, Channel.LIVESTREAM, Channel.SOCIAL_GROUP));

  private final DateRange range;
  private final Map<Channel, ChannelFigures> byChannel;
  private final Map<HouseholdId, Long> householdNetIncome;
  private final Map<PriceKey, long[]> prices; // {gross, quantity} of SALE lines

  private record PriceKey(Gtin gtin, Channel channel) {}

  private ProgramFigures(
      DateRange range,
      Map<Channel, ChannelFigures> byChannel,
      Map<HouseholdId, Long> householdNetIncome,
      Map<PriceKey, long[]> prices) {
    this.range = range;
    this.byChannel = byChannel;
    this.householdNetIncome = householdNetIncome;
    this.prices = prices;
  }

  /** Sums the lines dated within {@code range}. */
  public static ProgramFigures of(
      DateRange range, Iterable<RevenueLine> revenue, Iterable<IncomeLine> households) {
    Map<Channel, long[]> totals = new EnumMap<>(Channel.class); // gross, refunded, net, qty, income
    Map<Channel, Set<HouseholdId>> reached = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      totals.put(c, new long[5]);
      reached.put(c, new HashSet<>());
    }
    Map<PriceKey, long[]> prices = new HashMap<>();
    for (RevenueLine line : revenue) {
      if (!range.contains(line.date())) {
        continue;
      }
      long[] t = totals.get(line.sale().channel());
      if (line.kind() == IncomeKind.SALE) {
        t[0] = Math.addExact(t[0], line.grossFen());
        t[3] = Math.addExact(t[3], line.quantity());
        long[] p =
            prices.computeIfAbsent(
                new PriceKey(line.sale().gtin(), line.sale().channel()), k -> new long[2]);
        p[0] = Math.addExact(p[0], line.grossFen());
        p[1] = Math.addExact(p[1], line.quantity());
      } else {
        t[1] = Math.subtractExact(t[1], line.grossFen());
      }
      t[2] = Math.addExact(t[2], line.netFen());
    }
    Map<HouseholdId, Long> net = new HashMap<>();
    Set<HouseholdId> participating = new HashSet<>();
    for (IncomeLine line : households) {
      if (!range.contains(line.date()) || !line.kind().income()) {
        continue;
      }
      net.merge(line.householdId(), line.amountFen(), Math::addExact);
      if (line.kind().ofSale()) {
        participating.add(line.householdId());
        Channel c = line.channel().orElseThrow();
        long[] t = totals.get(c);
        t[4] = Math.addExact(t[4], line.amountFen());
        if (line.kind() == IncomeKind.SALE) {
          reached.get(c).add(line.householdId());
        }
      }
    }
    net.keySet().retainAll(participating); // wages alone do not make a household participate
    Map<Channel, ChannelFigures> byChannel = new EnumMap<>(Channel.class);
    totals.forEach(
        (c, t) ->
            byChannel.put(
                c, new ChannelFigures(c, t[0], t[1], t[2], t[3], reached.get(c).size(), t[4])));
    return new ProgramFigures(
        range, Collections.unmodifiableMap(byChannel), Map.copyOf(net), Map.copyOf(prices));
  }

  public DateRange range() {
    return range;
  }

  /** Every channel's figures, in {@link Channel} order. */
  public Map<Channel, ChannelFigures> byChannel() {
    return byChannel;
  }

  /** Gross of sales less refunds over {@link #ONLINE} channels. */
  public long onlineRevenueFen() {
    long sum = 0;
    for (Channel c : ONLINE) {
      sum = Math.addExact(sum, byChannel.get(c).revenueFen());
    }
    return sum;
  }

  /** Gross of sales less refunds over all channels. */
  public long revenueFen() {
    return byChannel.values().stream()
        .mapToLong(ChannelFigures::revenueFen)
        .reduce(0, Math::addExact);
  }

  /**
   * Households with at least one SALE or REFUND line in the range (docs/income.md, "Participating
   * household").
   */
  public int participatingHouseholds() {
    return householdNetIncome.size();
  }

  /** The sum of participating households' net income (sales income + their wages). */
  public long householdNetIncomeFen() {
    return householdNetIncome.values().stream()
        .mapToLong(Long::longValue)
        .reduce(0, Math::addExact);
  }

  /** Net income per participating household, in fen. */
  public Optional<Ratio> averageNetIncomePerHousehold() {
    return Ratio.of(householdNetIncomeFen(), participatingHouseholds());
  }

  /** Refunded / gross over all channels. */
  public Optional<Ratio> refundRate() {
    long gross = byChannel.values().stream().mapToLong(ChannelFigures::grossFen).sum();
    long refunded = byChannel.values().stream().mapToLong(ChannelFigures::refundedFen).sum();
    return Ratio.of(refunded, gross);
  }

  /** What reached households (net after fees and refund reversals) / revenue, all channels. */
  public Optional<Ratio> householdShare() {
    long net = byChannel.values().stream().mapToLong(ChannelFigures::netFen).sum();
    return Ratio.of(net, revenueFen());
  }

  /**
   * Average unit price of {@code gtin} in fen per base unit: gross / quantity of its sales (list
   * prices as sold; refunds show in the refund rate), over {@code channel} or every channel.
   */
  public Optional<Ratio> averageUnitPrice(Gtin gtin, Optional<Channel> channel) {
    long gross = 0;
    long quantity = 0;
    for (Map.Entry<PriceKey, long[]> e : prices.entrySet()) {
      if (e.getKey().gtin().equals(gtin)
          && channel.map(c -> c == e.getKey().channel()).orElse(true)) {
        gross = Math.addExact(gross, e.getValue()[0]);
        quantity = Math.addExact(quantity, e.getValue()[1]);
      }
    }
    return Ratio.of(gross, quantity);
  }

  /**
   * The premium of the average unit price over the reference price: {@code price / reference - 1},
   * e.g. 88 yuan against 50 yuan per 500 ml is 19/25 = 7600 bp = "76.00" %. Empty when nothing of
   * {@code gtin} sold or the reference price is 0.
   */
  public Optional<Ratio> premium(Gtin gtin, ReferencePrice reference) {
    return averageUnitPrice(gtin, Optional.empty())
        .flatMap(
            price ->
                Ratio.of(
                    price.numerator().multiply(BigInteger.valueOf(reference.per().value())),
                    price.denominator().multiply(BigInteger.valueOf(reference.fen().value()))))
        .map(Ratio::minusOne);
  }
}
