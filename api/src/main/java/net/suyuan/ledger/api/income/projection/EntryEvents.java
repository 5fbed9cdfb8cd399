package net.suyuan.ledger.api.income.projection;

import java.nio.charset.StandardCharsets;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.LeanBodyReader;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Reads the typed event of a stored entry of one of {@link IncomeFeed#TYPES}. Stateless apart from
 * reusable buffers, so chunks of entries can be read on several threads ({@link ParsedScan}); one
 * instance per thread.
 *
 * <p>Every stored entry passed the strict parse and the validator when it was appended, and the
 * chain is audited separately; still, an entry that cannot be read here is an error, never skipped.
 * The body is read by {@link LeanBodyReader} (no JSON tree, no regexes, the same records) and,
 * whenever that declines (escapes, non-ASCII text, anything it cannot prove valid), by the strict
 * parse: same event or a loud {@link IllegalStateException}.
 */
final class EntryEvents {
  private static final byte[] ACTOR_PREFIX = "{\"actor\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BODY_KEY = "\",\"body\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREV_KEY = ",\"prev\":\"".getBytes(StandardCharsets.US_ASCII);

  private final LeanBodyReader lean = new LeanBodyReader();
  private final boolean useLean;

  /** The lean reader with the strict parse behind it. */
  EntryEvents() {
    this(true);
  }

  /** {@code useLean} false: the strict parse only (tests and benchmarks compare the two). */
  EntryEvents(boolean useLean) {
    this.useLean = useLean;
  }

  /**
   * The event of the entry at {@code seq}.
   *
   * @throws IllegalStateException if the entry cannot be read
   */
  LedgerEvent read(long seq, String type, byte[] canonical) {
    if (canonical == null) {
      throw new IllegalStateException("entry " + seq + " of type " + type + " has no bytes");
    }
    int start = bodyStart(canonical);
    int end = start < 0 ? -1 : bodyEnd(canonical, start);
    if (useLean && end > 0) {
      LedgerEvent event = lean.read(type, canonical, start, end);
      if (event != null) {
        return event;
      }
    }
    try {
      JsonValue body;
      if (end > 0) {
        body = JsonParser.parse(canonical, start, end - start);
      } else { // not the shape every writer produces: parse the whole entry
        JsonValue entry = JsonParser.parse(canonical);
        body = entry instanceof JsonObject o ? o.get("body").orElse(null) : null;
      }
      if (!(body instanceof JsonObject object)) {
        throw new IllegalStateException("entry " + seq + " has no body object");
      }
      return EventTypes.parse(type, object);
    } catch (JsonParseException | EventValidationException e) {
      throw new IllegalStateException("entry " + seq + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Where the body starts: in the canonical (RFC 8785, members sorted) entry it follows {@code
   * {"actor":"<actor>","body":}; -1 for any other shape.
   */
  private static int bodyStart(byte[] c) {
    if (startsWith(c, 0, ACTOR_PREFIX)) {
      for (int i = ACTOR_PREFIX.length; i < c.length && c[i] != '\\'; i++) {
        if (c[i] == '"') {
          return startsWith(c, i, BODY_KEY) ? i + BODY_KEY.length : -1;
        }
      }
    }
    return -1;
  }

  /**
   * Where the body ends: at the last {@code ,"prev":"} (nothing after prev can contain that text:
   * seq, ts, type and v follow); -1 if there is none.
   */
  private static int bodyEnd(byte[] c, int start) {
    for (int i = c.length - PREV_KEY.length; i > start; i--) {
      if (c[i] == ',' && startsWith(c, i, PREV_KEY)) {
        return i;
      }
    }
    return -1;
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
