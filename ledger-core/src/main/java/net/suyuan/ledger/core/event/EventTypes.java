package net.suyuan.ledger.core.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * The registry of entry type strings. {@value #GENESIS} is reserved: the chain layer writes and
 * checks it, and it has no typed event here.
 */
public final class EventTypes {
  /** The first entry of every ledger; owned by the chain layer. */
  public static final String GENESIS = "ledger.genesis";

  /** Parses one body type strictly. */
  @FunctionalInterface
  public interface BodyParser {
    LedgerEvent parse(JsonObject body) throws EventValidationException;
  }

  private static final Map<String, BodyParser> PARSERS = parsers();

  private EventTypes() {}

  private static Map<String, BodyParser> parsers() {
    Map<String, BodyParser> m = new LinkedHashMap<>();
    m.put(ProductRegistered.TYPE, ProductRegistered::fromBody);
    m.put(StandardPublished.TYPE, StandardPublished::fromBody);
    m.put(SiteRegistered.TYPE, SiteRegistered::fromBody);
    m.put(HouseholdEnrolled.TYPE, HouseholdEnrolled::fromBody);
    m.put(ProductionRecorded.TYPE, ProductionRecorded::fromBody);
    m.put(HarvestDelivered.TYPE, HarvestDelivered::fromBody);
    m.put(LotTransformed.TYPE, LotTransformed::fromBody);
    m.put(InspectionRecorded.TYPE, InspectionRecorded::fromBody);
    m.put(SaleRecorded.TYPE, SaleRecorded::fromBody);
    m.put(SaleRefunded.TYPE, SaleRefunded::fromBody);
    m.put(WageRecorded.TYPE, WageRecorded::fromBody);
    m.put(PayoutMade.TYPE, PayoutMade::fromBody);
    return Collections.unmodifiableMap(m);
  }

  /** The type strings with a typed event, in documentation order; excludes {@link #GENESIS}. */
  public static Set<String> eventTypes() {
    return PARSERS.keySet();
  }

  /** True for types owned by the chain layer rather than this package. */
  public static boolean isReserved(String type) {
    return GENESIS.equals(type);
  }

  /** True for every type string a valid ledger may contain, including {@link #GENESIS}. */
  public static boolean isKnown(String type) {
    return PARSERS.containsKey(type) || isReserved(type);
  }

  /**
   * The typed event for an entry's type and body.
   *
   * @throws EventValidationException naming {@code type} for a reserved or unknown type, or the
   *     body field that is malformed
   */
  public static LedgerEvent parse(String type, JsonObject body) throws EventValidationException {
    if (isReserved(type)) {
      throw new EventValidationException(
          "type", "'" + type + "' is reserved for the chain layer and has no event body");
    }
    BodyParser parser = type == null ? null : PARSERS.get(type);
    if (parser == null) {
      throw new EventValidationException("type", "unknown event type '" + type + "'");
    }
    return parser.parse(body);
  }
}
