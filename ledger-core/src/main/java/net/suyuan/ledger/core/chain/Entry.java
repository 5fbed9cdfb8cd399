package net.suyuan.ledger.core.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonString;

/**
 * One ledger entry in format v1 (docs/ledger-format.md): {@code {v, seq, ts, actor, type, body,
 * prev}}. Its canonical bytes are RFC 8785 JCS of that object; see {@link SealedEntry} for the
 * hash.
 */
public record Entry(
    long seq, Instant ts, String actor, String type, JsonObject body, EntryHash prev) {
  /** The format version this class reads and writes. */
  public static final int VERSION = 1;

  /** Type of the entry at seq 0. */
  public static final String GENESIS_TYPE = "ledger.genesis";

  /** Organization ids: lowercase, digits, dot, dash, underscore; at most 64 characters. */
  public static final Pattern ACTOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Event types: dotted lowercase words, e.g. {@code sale.recorded}; at most 64 characters. */
  public static final Pattern TYPE =
      Pattern.compile("(?=.{3,64}$)[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

  /** Byte-level form of {@link #ACTOR} for the verifier's hot loop (ASCII input). */
  public static boolean isActor(byte[] in, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 64 || !isLowerOrDigit(in[start])) {
      return false;
    }
    for (int i = start + 1; i < end; i++) {
      byte b = in[i];
      if (!isLowerOrDigit(b) && b != '.' && b != '_' && b != '-') {
        return false;
      }
    }
    return true;
  }

  /** Byte-level form of {@link #TYPE} for the verifier's hot loop (ASCII input). */
  public static boolean isType(byte[] in, int start, int end) {
    int length = end - start;
    if (length < 3 || length > 64) {
      return false;
    }
    boolean wordStart = true;
    int dots = 0;
    for (int i = start; i < end; i++) {
      byte b = in[i];
      if (wordStart) {
        if (b < 'a' || b > 'z') {
          return false;
        }
        wordStart = false;
      } else if (b == '.') {
        wordStart = true;
        dots++;
      } else if (!isLowerOrDigit(b) && b != '_') {
        return false;
      }
    }
    return dots > 0 && !wordStart;
  }

  private static boolean isLowerOrDigit(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
  }

  public Entry {
    if (seq < 0 || seq > JsonNumber.MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException("seq outside 0..2^53-1: " + seq);
    }
    Timestamps.format(Objects.requireNonNull(ts, "ts")); // validates precision and range
    if (!ACTOR.matcher(Objects.requireNonNull(actor, "actor")).matches()) {
      throw new IllegalArgumentException("actor is not an organization id: " + actor);
    }
    if (!TYPE.matcher(Objects.requireNonNull(type, "type")).matches()) {
      throw new IllegalArgumentException("type is not a dotted lowercase name: " + type);
    }
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(prev, "prev");
    if ((seq == 0) != GENESIS_TYPE.equals(type)) {
      throw new IllegalArgumentException(
          "ledger.genesis is the type of seq 0 and of no other entry");
    }
  }

  /** The entry as the JSON object that format v1 defines. */
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("v", VERSION)
        .put("seq", seq)
        .put("ts", Timestamps.format(ts))
        .put("actor", actor)
        .put("type", type)
        .put("body", body)
        .put("prev", new JsonString(prev.hex()))
        .build();
  }

  /** RFC 8785 canonical UTF-8 bytes: what is hashed and what one export line holds. */
  public byte[] canonicalBytes() {
    return Jcs.canonicalize(toJson());
  }

  @Override
  public String toString() {
    return new String(canonicalBytes(), StandardCharsets.UTF_8);
  }
}
