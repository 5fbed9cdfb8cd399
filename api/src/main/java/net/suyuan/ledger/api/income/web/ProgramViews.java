package net.suyuan.ledger.api.income.web;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.suyuan.ledger.api.income.projection.IncomeStore;
import net.suyuan.ledger.api.income.projection.IncomeStore.PriceRow;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.income.ChannelFigures;
import net.suyuan.ledger.core.income.Ratio;

/** The JSON of the public program endpoints: summary, channel comparison and premium. */
final class ProgramViews {
  private ProgramViews() {}

  static Map<String, Object> summary(
      String orgId, long products, ProgramYear cur, ProgramYear prev, long asOfSeq) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("orgId", orgId);
    out.put("year", cur.year());
    out.put("currency", "CNY");
    out.put("products", products);
    out.putAll(year(cur));
    out.put("previousYear", year(prev));
    Map<String, Object> growth = new LinkedHashMap<>();
    growth.put(
        "onlineSalesRevenue",
        Json.percent(Ratio.growth(prev.onlineRevenueFen(), cur.onlineRevenueFen())));
    growth.put("revenue", Json.percent(Ratio.growth(prev.revenueFen(), cur.revenueFen())));
    growth.put(
        "participatingHouseholds", Json.percent(Ratio.growth(prev.households(), cur.households())));
    Optional<Ratio> avgGrowth =
        prev.averageNetIncome()
            .flatMap(p -> cur.averageNetIncome().flatMap(c -> Ratio.growth(p, c)));
    growth.put("averageNetIncomePerHousehold", Json.percent(avgGrowth));
    out.put("growth", growth);
    Map<String, Object> channels = new LinkedHashMap<>();
    for (Channel c : Channel.values()) {
      ChannelFigures now = cur.byChannel().get(c);
      ChannelFigures before = prev.byChannel().get(c);
      Map<String, Object> ch = new LinkedHashMap<>();
      ch.put("revenue", now.revenueFen());
      ch.put("householdsReached", now.householdsReached());
      ch.put("averageIncomePerHousehold", Json.fen(now.averageIncomePerHousehold()));
      ch.put("previousYearRevenue", before.revenueFen());
      ch.put("previousYearHouseholdsReached", before.householdsReached());
      ch.put("revenueGrowth", Json.percent(Ratio.growth(before.revenueFen(), now.revenueFen())));
      channels.put(c.wire(), ch);
    }
    out.put("byChannel", channels);
    out.put("asOfSeq", asOfSeq);
    return out;
  }

  private static Map<String, Object> year(ProgramYear y) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", y.year());
    out.put("onlineSalesRevenue", y.onlineRevenueFen());
    out.put("revenue", y.revenueFen());
    out.put("participatingHouseholds", y.households());
    out.put("householdNetIncome", y.netIncomeFen());
    out.put("averageNetIncomePerHousehold", Json.fen(y.averageNetIncome()));
    out.put("averageNetIncomePerHouseholdExact", Json.exact(y.averageNetIncome()));
    return out;
  }

  static Map<String, Object> channels(
      String orgId, ProgramYear y, IncomeStore.Prices prices, long asOfSeq) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Channel c : Channel.values()) {
      ChannelFigures f = y.byChannel().get(c);
      Map<String, Object> ch = new LinkedHashMap<>();
      ch.put("channel", c.wire());
      ch.put("revenue", f.revenueFen());
      ch.put("grossSales", f.grossFen());
      ch.put("refunded", f.refundedFen());
      ch.put("reachedHouseholdsNet", f.netFen());
      ch.put("quantitySold", f.quantitySold());
      ch.put("householdsReached", f.householdsReached());
      ch.put("householdIncome", f.householdIncomeFen());
      ch.put("averageIncomePerHousehold", Json.fen(f.averageIncomePerHousehold()));
      ch.put("averageIncomePerHouseholdExact", Json.exact(f.averageIncomePerHousehold()));
      List<Map<String, Object>> unitPrices = new ArrayList<>();
      for (PriceRow p : prices.rows()) {
        if (c.wire().equals(p.channel()) && p.quantity() > 0) {
          unitPrices.add(unitPrice(p, p.gross(), p.quantity()));
        }
      }
      ch.put("averageUnitPrices", unitPrices);
      // the program's products sold in the channel beyond the first listed (GTIN order,
      // ledger.income.channel-price-products): the list is capped, the count says how much
      ch.put(
          "averageUnitPricesOmitted",
          prices.soldProducts().getOrDefault(c.wire(), 0L) - unitPrices.size());
      ch.put("refundRate", Json.percent(f.refundRate()));
      ch.put("refundRateExact", Json.exact(f.refundRate()));
      ch.put("householdShare", Json.percent(f.householdShare()));
      ch.put("householdShareExact", Json.exact(f.householdShare()));
      list.add(ch);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("orgId", orgId);
    out.put("year", y.year());
    out.put("currency", "CNY");
    out.put("channels", list);
    out.put("asOfSeq", asOfSeq);
    return out;
  }

  /**
   * A product's average unit price, gross / quantity of its sales: in fen per {@code per} base
   * units (the reference price's {@code per}, else 1), rounded, and exactly as fen per base unit.
   */
  static Map<String, Object> unitPrice(PriceRow p, long gross, long quantity) {
    long per = p.referencePer() == null ? 1 : p.referencePer();
    Optional<Ratio> price = Ratio.of(gross, quantity);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gtin", p.gtin());
    out.put("baseUnit", p.baseUnit());
    out.put("per", per);
    out.put(
        "fen",
        Json.fen(
            price.map(
                r -> new Ratio(r.numerator().multiply(BigInteger.valueOf(per)), r.denominator()))));
    out.put("exact", Json.exact(price));
    return out;
  }

  static Map<String, Object> premium(String gtin, int year, List<PriceRow> rows) {
    PriceRow product = rows.get(0);
    long gross = rows.stream().mapToLong(PriceRow::gross).reduce(0, Math::addExact);
    long quantity = rows.stream().mapToLong(PriceRow::quantity).reduce(0, Math::addExact);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("gtin", gtin);
    out.put("year", year);
    out.put("baseUnit", product.baseUnit());
    Optional<Ratio> premium = Optional.empty();
    if (product.referenceFen() != null) {
      Map<String, Object> ref = new LinkedHashMap<>();
      ref.put("fen", product.referenceFen());
      ref.put("per", product.referencePer());
      out.put("referencePrice", ref);
      // price / (fen / per) - 1, as core ProgramFigures.premium
      premium =
          Ratio.of(
                  BigInteger.valueOf(gross).multiply(BigInteger.valueOf(product.referencePer())),
                  BigInteger.valueOf(quantity).multiply(BigInteger.valueOf(product.referenceFen())))
              .map(Ratio::minusOne);
    } else {
      out.put("referencePrice", null);
    }
    out.put("quantitySold", quantity);
    out.put("grossSales", gross);
    out.put("averageUnitPrice", quantity > 0 ? unitPrice(product, gross, quantity) : null);
    out.put("premium", Json.percent(premium));
    out.put("premiumExact", Json.exact(premium));
    out.put("asOfSeq", product.asOfSeq());
    return out;
  }
}
