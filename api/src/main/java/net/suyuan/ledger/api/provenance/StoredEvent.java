package net.suyuan.ledger.api.provenance;

import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;

/**
 * A shown entry's stored bytes read once, leniently: {@link References} takes the event's
 * references from it and {@link ProvenanceBuilder} the entry's fields and typed event. Bytes
 * altered in the database may be no JSON object ({@code entry} null) or no valid event ({@code
 * event} null); such an entry names nothing, is shown raw and fails its own check.
 *
 * @param entry the entry object, null when the bytes are not one
 * @param type the entry's {@code type}, null when absent or not a string
 * @param body the entry's {@code body}, empty when absent or not an object
 * @param event the typed event, null when {@code type} and {@code body} are not a valid one
 */
record StoredEvent(JsonObject entry, String type, JsonObject body, LedgerEvent event) {

  static StoredEvent read(byte[] canonical) {
    JsonObject entry;
    try {
      entry = (JsonObject) JsonParser.parse(canonical);
    } catch (Exception e) { // not JSON, or not an object
      return new StoredEvent(null, null, JsonObject.empty(), null);
    }
    String type = entry.get("type").orElse(null) instanceof JsonString s ? s.value() : null;
    JsonObject body =
        entry.get("body").orElse(null) instanceof JsonObject o ? o : JsonObject.empty();
    LedgerEvent event;
    try {
      event = EventTypes.parse(type, body);
    } catch (Exception e) { // a body the core does not accept
      event = null;
    }
    return new StoredEvent(entry, type, body, event);
  }
}
