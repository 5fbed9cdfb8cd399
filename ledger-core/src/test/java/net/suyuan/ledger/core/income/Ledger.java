package net.suyuan.ledger.core.income;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InMemoryLedgerState;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * A test ledger: every event goes through its canonical bytes, the type registry and the validator
 * (so only valid entries reach the attribution), then into a live {@link IncomeAttribution}. Keeps
 * the stored entries for replays and every line the live attribution returned.
 */
final class Ledger {
  static final Gtin TEA = Gtin.of("6901234500004");
  static final Gtin TEA_BOX = Gtin.of("6901234500011");
  static final Gtin OIL = Gtin.of("6901234500028");
  static final BaseId BASE = BaseId.of("base-east-slope");
  static final String COOP = "coop.qingshui";
  static final Instant T0 = Instant.parse("2022-03-01T08:00:00.000Z");
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00.000Z");

  record Stored(long seq, String type, byte[] body) {}

  private final EventValidator validator = new EventValidator();
  private final InMemoryLedgerState state = new InMemoryLedgerState();
  final IncomeAttribution live = new IncomeAttribution();
  final List<Stored> entries = new ArrayList<>();
  final List<EntryIncome> results = new ArrayList<>();
  final List<IncomeLine> lines = new ArrayList<>();
  final List<RevenueLine> revenue = new ArrayList<>();
  private long seq = 0;

  Ledger() throws Exception {
    entries.add(new Stored(0, EventTypes.GENESIS, JsonObject.empty().canonicalBytes()));
    results.add(live.apply(0, EventTypes.GENESIS, JsonObject.empty().canonicalBytes()));
    record(new ProductRegistered(TEA, "清水绿茶 散装", BaseUnit.G, Optional.empty()));
    record(new ProductRegistered(TEA_BOX, "清水绿茶 礼盒", BaseUnit.G, Optional.empty()));
    record(
        new ProductRegistered(
            OIL,
            "陇南橄榄油",
            BaseUnit.ML,
            Optional.of(new ReferencePrice(Fen.of(5000), Quantity.of(500)))));
    record(new SiteRegistered(BASE, "东坡茶园", "清水村", "安化县"));
  }

  EntryIncome record(LedgerEvent event) throws Exception {
    byte[] body = event.toBody().canonicalBytes();
    LedgerEvent parsed =
        EventTypes.parse(
            event.type(), (JsonObject) net.suyuan.ledger.core.json.JsonParser.parse(body));
    validator.validate(state, COOP, parsed, NOW);
    state.apply(parsed);
    seq++;
    entries.add(new Stored(seq, event.type(), body));
    EntryIncome result = live.apply(seq, event.type(), body);
    results.add(result);
    lines.addAll(result.households());
    revenue.addAll(result.revenue());
    return result;
  }

  InMemoryLedgerState state() {
    return state;
  }

  static Instant at(long minutes) {
    return T0.plusSeconds(60 * minutes);
  }

  static HouseholdId hh(String id) {
    return HouseholdId.of(id);
  }

  void enroll(String... households) throws Exception {
    for (String h : households) {
      record(new HouseholdEnrolled(hh(h), "清水村", OrgId.of(COOP)));
    }
  }

  EntryIncome deliver(String household, String lot, Gtin gtin, long quantity) throws Exception {
    return record(
        new HarvestDelivered(
            LotId.of(lot), gtin, hh(household), BASE, Quantity.of(quantity), at(seq)));
  }

  EntryIncome transform(TransformProcess process, List<LotInput> in, List<LotOutput> out)
      throws Exception {
    return record(new LotTransformed(process, in, out, at(seq)));
  }

  static LotInput in(String lot, long quantity) {
    return new LotInput(LotId.of(lot), Quantity.of(quantity));
  }

  static LotOutput out(String lot, Gtin gtin, long quantity, String grade) {
    return new LotOutput(LotId.of(lot), gtin, Quantity.of(quantity), Optional.ofNullable(grade));
  }

  EntryIncome sell(
      String saleId,
      Channel channel,
      String lot,
      long quantity,
      long unitPrice,
      long per,
      SaleFees fees,
      Instant when)
      throws Exception {
    return record(
        new SaleRecorded(
            SaleId.of(saleId),
            channel,
            LotId.of(lot),
            Quantity.of(quantity),
            Fen.of(unitPrice),
            Quantity.of(per),
            fees,
            when));
  }

  static SaleFees fees(long platform, long service, long logistics, long packaging) {
    return new SaleFees(Fen.of(platform), Fen.of(service), Fen.of(logistics), Fen.of(packaging));
  }

  EntryIncome refund(String refundId, String saleId, long quantity, long amount) throws Exception {
    return refund(refundId, saleId, quantity, amount, Optional.empty());
  }

  EntryIncome refund(
      String refundId, String saleId, long quantity, long amount, Optional<SaleFees> returned)
      throws Exception {
    return record(
        new SaleRefunded(
            RefundId.of(refundId),
            SaleId.of(saleId),
            Quantity.of(quantity),
            Fen.of(amount),
            returned,
            at(seq)));
  }

  EntryIncome wage(String household, long amount, Instant when) throws Exception {
    return record(new WageRecorded(hh(household), BASE, Fen.of(amount), OptionalInt.empty(), when));
  }

  EntryIncome payout(String household, long amount, Instant when) throws Exception {
    return record(new PayoutMade(hh(household), Fen.of(amount), Optional.empty(), when));
  }

  /** A fresh attribution fed the stored entries. */
  IncomeAttribution replay(List<EntryIncome> into) throws Exception {
    IncomeAttribution fresh = new IncomeAttribution();
    for (Stored e : entries) {
      into.add(fresh.apply(e.seq(), e.type(), e.body()));
    }
    return fresh;
  }
}
