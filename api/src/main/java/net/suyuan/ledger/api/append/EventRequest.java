package net.suyuan.ledger.api.append;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.chain.CanonicalBody;
import net.suyuan.ledger.core.event.AppendBounds;
import net.suyuan.ledger.core.event.AppendRequests;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.FieldError;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * A parsed {@code POST /api/v1/events} body: one event {@code {"type", "body"}} or a batch {@code
 * {"events": [...]}}. Parsing is strict (the core's I-JSON parser and typed event parsers) and
 * reports every malformed event, each field named by its path in the request: {@code type}, {@code
 * body.quantity}, {@code events[3].body.inputs[0].lotId}.
 *
 * @param requestHash SHA-256 of the RFC 8785 canonical request: equal for requests that differ only
 *     in whitespace or member order (the Idempotency-Key comparison); null when not asked for, as
 *     only a request with an Idempotency-Key needs it
 */
record EventRequest(
    List<LedgerEvent> events, List<CanonicalBody> bodies, boolean batch, byte[] requestHash) {
  /** Most events one request may carry. */
  static final int MAX_EVENTS = AppendRequests.MAX_EVENTS;

  /** Field name for problems with the request as a whole (not JSON, not an object). */
  static final String REQUEST = "request";

  private static final Set<String> EVENT_MEMBERS = Set.of("type", "body");

  EventRequest {
    events = List.copyOf(events);
    bodies = List.copyOf(bodies);
    if (bodies.size() != events.size()) {
      throw new IllegalArgumentException("one canonical body per event");
    }
    requestHash = requestHash == null ? null : requestHash.clone();
  }

  @Override
  public byte[] requestHash() {
    return requestHash == null ? null : requestHash.clone();
  }

  /**
   * Parses a request body.
   *
   * @param hashed whether to compute {@link #requestHash}: canonicalizing and hashing the whole
   *     request is skipped when no Idempotency-Key will be compared
   */
  static EventRequest parse(byte[] json, boolean hashed) {
    JsonValue root;
    try {
      // Integers only, as bodies are (issue 11 defect 8): 1.0, 1e0, 1e-400 and -0 are refused
      // here, naming the member, instead of being read as the integers 1 and 0.
      root = JsonParser.parseIntegersOnly(json);
    } catch (JsonParseException e) {
      throw e.path() != null
          ? malformed(e.path(), e.reason())
          : malformed(REQUEST, "malformed JSON: " + e.getMessage());
    }
    if (!(root instanceof JsonObject request)) {
      throw malformed(
          REQUEST, "must be a JSON object: {\"type\", \"body\"} or {\"events\": [...]}");
    }
    byte[] hash = hashed ? sha256(Jcs.canonicalize(request)) : null;
    if (!request.has("events")) {
      LedgerEvent event = event(request, "");
      return new EventRequest(List.of(event), bodies(List.of(event)), false, hash);
    }
    for (String member : request.members().keySet()) {
      if (!member.equals("events")) {
        throw malformed(member, "unknown member; a batch has only \"events\"");
      }
    }
    JsonValue events = request.get("events").orElseThrow();
    if (!(events instanceof JsonArray array)) {
      throw malformed("events", "must be an array of {\"type\", \"body\"}");
    }
    if (array.size() == 0 || array.size() > MAX_EVENTS) {
      throw malformed("events", "must hold 1 to " + MAX_EVENTS + " events, got " + array.size());
    }
    List<LedgerEvent> parsed = new ArrayList<>(array.size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String prefix = "events[" + i + "].";
      JsonValue item = array.get(i);
      try {
        if (!(item instanceof JsonObject object)) {
          throw malformed("events[" + i + "]", "must be an object {\"type\", \"body\"}");
        }
        parsed.add(event(object, prefix));
      } catch (AppendRejection e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new AppendRejection(AppendRejection.Kind.MALFORMED, errors);
    }
    return new EventRequest(parsed, bodies(parsed), true, hash);
  }

  /**
   * The entry bodies, canonicalized here on the request's thread (requests in parallel) rather than
   * in the commit group, which seals entries one after another.
   */
  private static List<CanonicalBody> bodies(List<LedgerEvent> events) {
    List<CanonicalBody> bodies = new ArrayList<>(events.size());
    for (LedgerEvent event : events) {
      bodies.add(CanonicalBody.of(event.toBody()));
    }
    return bodies;
  }

  private static LedgerEvent event(JsonObject item, String prefix) {
    for (String member : item.members().keySet()) {
      if (!EVENT_MEMBERS.contains(member)) {
        throw malformed(prefix + member, "unknown member; an event has \"type\" and \"body\"");
      }
    }
    JsonValue type = item.get("type").orElse(null);
    if (!(type instanceof JsonString typeName)) {
      throw malformed(prefix + "type", type == null ? "is required" : "must be a string");
    }
    JsonValue body = item.get("body").orElse(null);
    if (!(body instanceof JsonObject bodyObject)) {
      throw malformed(prefix + "body", body == null ? "is required" : "must be an object");
    }
    try {
      LedgerEvent event = EventTypes.parse(typeName.value(), bodyObject);
      AppendBounds.check(event, bodyObject); // append-time only: stored entries stay valid
      return event;
    } catch (EventValidationException e) {
      throw new AppendRejection(AppendRejection.Kind.MALFORMED, prefixed(e, prefix));
    }
  }

  /** Names a core field error by its path in the request: "type" stays, body fields get "body.". */
  static List<FieldError> prefixed(EventValidationException e, String prefix) {
    List<FieldError> out = new ArrayList<>(e.errors().size());
    for (FieldError error : e.errors()) {
      String f = error.field();
      String path = f.equals("type") || f.equals("actor") ? f : "body." + f;
      out.add(new FieldError(prefix + path, error.message()));
    }
    return out;
  }

  /** "events[i]." for a batch, "" for a single event. */
  String prefix(int index) {
    return batch ? "events[" + index + "]." : "";
  }

  private static AppendRejection malformed(String field, String message) {
    return AppendRejection.of(AppendRejection.Kind.MALFORMED, field, message);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must support SHA-256", e);
    }
  }
}
