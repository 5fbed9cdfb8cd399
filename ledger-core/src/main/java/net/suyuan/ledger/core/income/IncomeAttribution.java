package net.suyuan.ledger.core.income;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.event.ProductionRecorded;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.income.Composition.Component;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;

/**
 * Household income from the event stream (docs/income.md), one entry at a time: keeps every lot's
 * composition and every sale's split, and returns the lines each entry adds. Deterministic: the
 * same entries in the same order give identical lines and compositions, so a live view fed entry by
 * entry equals a full replay. It trusts its input: feed it every entry of a ledger, in seq order,
 * each already accepted by the event validator; an inconsistent entry throws {@link
 * IllegalStateException}. Not thread-safe.
 */
public final class IncomeAttribution {
  /** China Standard Time, the default zone for dates and months (no daylight saving). */
  public static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

  private final ZoneOffset zone;
  private final Map<LotId, LotState> lots = new HashMap<>();
  private final Map<SaleId, SaleState> sales = new HashMap<>();
  private final Map<Gtin, ReferencePrice> referencePrices = new HashMap<>();
  private long lastSeq = -1;

  /** Dates in {@link #CHINA_STANDARD_TIME}. */
  public IncomeAttribution() {
    this(CHINA_STANDARD_TIME);
  }

  /** Dates and months of lines are taken in {@code zone}; fixed for the life of a ledger. */
  public IncomeAttribution(ZoneOffset zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  public ZoneOffset zone() {
    return zone;
  }

  /** The seq of the last entry applied, -1 before the first. */
  public long lastSeq() {
    return lastSeq;
  }

  /**
   * Applies an entry as stored: its seq, type and the canonical bytes of its body. The genesis
   * entry is accepted and adds nothing.
   *
   * @throws JsonParseException if the body is not JSON
   * @throws EventValidationException if the body is not a valid event of {@code type}
   */
  public EntryIncome apply(long seq, String type, byte[] canonicalBody)
      throws JsonParseException, EventValidationException {
    if (EventTypes.isReserved(type)) {
      advance(seq);
      return EntryIncome.none(seq);
    }
    Object body = JsonParser.parse(canonicalBody);
    if (!(body instanceof JsonObject object)) {
      throw new EventValidationException("body", "must be a JSON object");
    }
    return apply(seq, EventTypes.parse(type, object));
  }

  /**
   * Applies one parsed event recorded at {@code seq}.
   *
   * @throws IllegalArgumentException if {@code seq} is not after the last one applied
   */
  public EntryIncome apply(long seq, LedgerEvent event) {
    Objects.requireNonNull(event, "event");
    advance(seq);
    return switch (event) {
      case ProductRegistered e -> {
        e.referencePrice().ifPresent(p -> referencePrices.put(e.gtin(), p));
        yield EntryIncome.none(seq);
      }
      case HarvestDelivered e -> {
        lots.computeIfAbsent(e.lotId(), id -> LotState.delivered(e.gtin()))
            .deliver(e.householdId(), e.quantity().value());
        yield EntryIncome.none(seq);
      }
      case LotTransformed e -> {
        transform(e);
        yield EntryIncome.none(seq);
      }
      case SaleRecorded e -> SaleSplits.sale(seq, e, this);
      case SaleRefunded e -> SaleSplits.refund(seq, e, this);
      case WageRecorded e ->
          single(seq, e.householdId(), IncomeKind.WAGE, e.amountFen().value(), e.occurredAt());
      case PayoutMade e ->
          single(seq, e.householdId(), IncomeKind.PAYOUT, e.amountFen().value(), e.occurredAt());
      // no money moves and no lot changes hands
      case StandardPublished e -> EntryIncome.none(seq);
      case SiteRegistered e -> EntryIncome.none(seq);
      case HouseholdEnrolled e -> EntryIncome.none(seq);
      case ProductionRecorded e -> EntryIncome.none(seq);
      case InspectionRecorded e -> EntryIncome.none(seq);
    };
  }

  private void advance(long seq) {
    if (seq <= lastSeq) {
      throw new IllegalArgumentException("seq " + seq + " is not after " + lastSeq);
    }
    lastSeq = seq;
  }

  private void transform(LotTransformed e) {
    List<Component> components = new ArrayList<>(e.inputs().size());
    for (LotTransformed.LotInput in : e.inputs()) {
      long quantity = in.quantity().value();
      components.add(new Component(quantity, lot(in.lotId()).draw(quantity)));
    }
    Composition mixed = Composition.mix(components);
    for (LotTransformed.LotOutput out : e.outputs()) {
      if (lots.containsKey(out.lotId())) {
        throw new IllegalStateException("lot " + out.lotId() + " exists: entry not validated");
      }
      lots.put(out.lotId(), LotState.created(out.gtin(), out.quantity().value(), mixed));
    }
  }

  private EntryIncome single(
      long seq, HouseholdId household, IncomeKind kind, long amount, Instant occurredAt) {
    IncomeLine line =
        new IncomeLine(
            household, seq, kind, amount, occurredAt, date(occurredAt), Optional.empty());
    return new EntryIncome(seq, List.of(line), List.of());
  }

  LocalDate date(Instant occurredAt) {
    return LocalDate.ofInstant(occurredAt, zone);
  }

  LotState lot(LotId lotId) {
    LotState lot = lots.get(lotId);
    if (lot == null) {
      throw new IllegalStateException("lot " + lotId + " does not exist: entry not validated");
    }
    return lot;
  }

  Map<SaleId, SaleState> sales() {
    return sales;
  }

  /** The lots seen so far. */
  public Set<LotId> lots() {
    return Set.copyOf(lots.keySet());
  }

  /** Which household the lot's remaining content came from; empty for unknown or empty lots. */
  public Optional<Composition> composition(LotId lotId) {
    LotState lot = lots.get(lotId);
    return lot == null ? Optional.empty() : Optional.ofNullable(lot.composition());
  }

  /** The product's registered reference price, for premiums. */
  public Optional<ReferencePrice> referencePrice(Gtin gtin) {
    return Optional.ofNullable(referencePrices.get(gtin));
  }
}
