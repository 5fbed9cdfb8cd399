package net.suyuan.ledger.api.income;

import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.income.IncomeAttribution;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Feeds stored entries, in seq order, to the core's {@link IncomeAttribution} and says what each
 * adds to the income tables. Entries of other types (sites, households, production, inspections,
 * standards, genesis) move no money and touch no lot composition, so they are only counted, never
 * parsed: {@link #TYPES} lists the ones that matter. Not thread-safe; one instance is the live
 * projection's state, another each replay.
 */
final class IncomeFeed {
  /** The event types income depends on; the entry scan fetches the bytes of these only. */
  static final Set<String> TYPES =
      Set.of(
          ProductRegistered.TYPE,
          HarvestDelivered.TYPE,
          LotTransformed.TYPE,
          SaleRecorded.TYPE,
          SaleRefunded.TYPE,
          WageRecorded.TYPE,
          PayoutMade.TYPE);

  /** What one entry adds: household lines, revenue lines, and a product for product.registered. */
  record Applied(List<IncomeLine> lines, List<RevenueLine> revenue, ProductRow product) {
    static final Applied NONE = new Applied(List.of(), List.of(), null);
  }

  private final IncomeAttribution attribution = new IncomeAttribution();
  private long lastSeq = -1;

  /** The last seq fed, -1 before the first. */
  long lastSeq() {
    return lastSeq;
  }

  /**
   * Applies the entry at {@code seq}; {@code canonical} (the stored entry bytes) may be null unless
   * {@code type} is one of {@link #TYPES}.
   *
   * @throws IllegalStateException if the entry cannot be read or does not follow the last one
   */
  Applied apply(long seq, String type, String actor, byte[] canonical) {
    if (seq <= lastSeq) {
      throw new IllegalStateException("entry " + seq + " does not follow " + lastSeq);
    }
    lastSeq = seq;
    if (!TYPES.contains(type)) {
      return Applied.NONE;
    }
    LedgerEvent event = parse(seq, type, canonical);
    var income = attribution.apply(seq, event);
    ProductRow product = null;
    if (event instanceof ProductRegistered p) {
      product =
          new ProductRow(
              p.gtin().value(),
              actor,
              p.baseUnit().wire(),
              p.referencePrice().map(r -> r.fen().value()).orElse(null),
              p.referencePrice().map(r -> r.per().value()).orElse(null),
              seq);
    }
    return new Applied(income.households(), income.revenue(), product);
  }

  private static LedgerEvent parse(long seq, String type, byte[] canonical) {
    try {
      JsonValue entry = JsonParser.parse(canonical);
      JsonValue body =
          entry instanceof JsonObject o ? o.get("body").orElse(null) : (JsonValue) null;
      if (!(body instanceof JsonObject)) {
        throw new IllegalStateException("entry " + seq + " has no body object");
      }
      return EventTypes.parse(type, (JsonObject) body);
    } catch (JsonParseException | EventValidationException e) {
      throw new IllegalStateException("entry " + seq + " cannot be read: " + e.getMessage(), e);
    }
  }
}
