package net.suyuan.ledger.core.event;

import java.util.List;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Request bodies of the append API, {@code POST /api/v1/events} (docs/api.md, "Writing events"),
 * written from typed events: one event {@code {"type", "body"}} or a batch {@code {"events":
 * [...]}}, where {@code body} is {@link LedgerEvent#toBody()}. Clients (the demo, the benchmarks)
 * send {@link JsonValue#canonicalBytes()} of these objects, the RFC 8785 form the ledger stores,
 * instead of writing event JSON by hand.
 */
public final class AppendRequests {
  /** Most events one request may carry; a batch is appended all or nothing. */
  public static final int MAX_EVENTS = 1000;

  private AppendRequests() {}

  /** The request for one event: {@code {"body": {...}, "type": "..."}}. */
  public static JsonObject event(LedgerEvent event) {
    return JsonObject.builder().put("type", event.type()).put("body", event.toBody()).build();
  }

  /**
   * The request for a batch of 1 to {@value #MAX_EVENTS} events, in order: {@code {"events":
   * [...]}}.
   *
   * @throws IllegalArgumentException for no events or more than {@value #MAX_EVENTS}
   */
  public static JsonObject batch(List<? extends LedgerEvent> events) {
    if (events.isEmpty() || events.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "a batch holds 1 to " + MAX_EVENTS + " events, got " + events.size());
    }
    return JsonObject.builder()
        .put("events", new JsonArray(events.stream().map(e -> (JsonValue) event(e)).toList()))
        .build();
  }
}
