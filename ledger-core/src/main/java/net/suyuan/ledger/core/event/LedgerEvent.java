package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.json.JsonObject;

/**
 * The typed meaning of a ledger entry's {@code type} and {@code body}. Bodies hold only integers
 * (money in fen, quantities in base units), strings, booleans, arrays and objects: no floating
 * point, no personal data. Each type has {@code TYPE}, {@code toBody()} and a strict static {@code
 * fromBody(JsonObject)}; {@link EventTypes} maps type strings to parsers.
 */
public sealed interface LedgerEvent
    permits ProductRegistered, StandardPublished, SiteRegistered, HouseholdEnrolled, TimedEvent {

  /** The entry type string, an interoperability contract (see docs/events.md). */
  String type();

  /** The body, ready for RFC 8785 canonicalization. */
  JsonObject toBody();

  /**
   * The ids this event mentions (lots, products, standard versions, sites, households, sales,
   * refunds): what the append path loads, the lineage index records and the resolver shows.
   */
  default EventReferences references() {
    return EventReferences.of(this);
  }
}
