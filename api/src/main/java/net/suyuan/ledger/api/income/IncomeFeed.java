package net.suyuan.ledger.api.income;

import java.nio.charset.StandardCharsets;
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

  private static final byte[] ACTOR_PREFIX = "{\"actor\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BODY_KEY = "\",\"body\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREV_KEY = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);

  private final IncomeAttribution attribution = new IncomeAttribution();
  private final ProgramState programs = new ProgramState();
  private long lastSeq = -1;

  /** The last seq fed, -1 before the first. */
  long lastSeq() {
    return lastSeq;
  }

  /**
   * Applies the entry at {@code seq}; {@code canonical} (the stored entry bytes) may be null unless
   * {@code type} is one of {@link #TYPES}. The program rollup deltas it causes are added to {@code
   * programDeltas} (null when only the state is wanted, e.g. catching up).
   *
   * @throws IllegalStateException if the entry cannot be read or does not follow the last one
   */
  Applied apply(long seq, String type, String actor, byte[] canonical, Rollups programDeltas) {
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
      programs.product(product);
    }
    for (IncomeLine line : income.households()) {
      programs.line(line, programDeltas);
    }
    return new Applied(income.households(), income.revenue(), product);
  }

  private static LedgerEvent parse(long seq, String type, byte[] canonical) {
    try {
      JsonValue body = body(canonical);
      if (!(body instanceof JsonObject)) {
        throw new IllegalStateException("entry " + seq + " has no body object");
      }
      return EventTypes.parse(type, (JsonObject) body);
    } catch (JsonParseException | EventValidationException e) {
      throw new IllegalStateException("entry " + seq + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The entry's body, parsed alone: in the canonical (RFC 8785, members sorted) entry it is the
   * value between {@code {"actor":"<actor>","body":} and the last {@code ,"prev":"} (nothing after
   * prev can contain that text: seq, ts, type and v follow). Parsing only the body instead of the
   * whole entry saves a third of the replay's time; any other shape falls back to a full parse.
   */
  private static JsonValue body(byte[] c) throws JsonParseException {
    int start = -1;
    if (startsWith(c, 0, ACTOR_PREFIX)) {
      for (int i = ACTOR_PREFIX.length; i < c.length && c[i] != '\\'; i++) {
        if (c[i] == '"') {
          start = startsWith(c, i, BODY_KEY) ? i + BODY_KEY.length : -1;
          break;
        }
      }
    }
    int end = -1;
    for (int i = c.length - PREV_KEY.length; start > 0 && i > start; i--) {
      if (c[i] == ',' && startsWith(c, i, PREV_KEY)) {
        end = i;
        break;
      }
    }
    if (start < 0 || end < 0) {
      JsonValue entry = JsonParser.parse(c);
      return entry instanceof JsonObject o ? o.get("body").orElse(null) : null;
    }
    return JsonParser.parse(c, start, end - start);
  }

  private static boolean startsWith(byte[] in, int at, byte[] prefix) {
    if (at + prefix.length > in.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (in[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
