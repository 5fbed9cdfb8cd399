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

  /** {@link #ACTOR} without a regex: checked for every entry written. */
  public static boolean isActor(String s) {
    int length = s.length();
    if (length < 1 || length > 64 || !isLowerOrDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = s.charAt(i);
      if (!isLowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@link #TYPE} without a regex: checked for every entry written. */
  public static boolean isType(String s) {
    int length = s.length();
    if (length < 3 || length > 64) {
      return false;
    }
    boolean wordStart = true;
    int dots = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (wordStart) {
        if (c < 'a' || c > 'z') {
          return false;
        }
        wordStart = false;
      } else if (c == '.') {
        wordStart = true;
        dots++;
      } else if (!isLowerOrDigit(c) && c != '_') {
        return false;
      }
    }
    return dots > 0 && !wordStart;
  }

  private static boolean isLowerOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

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
    if (!isActor(Objects.requireNonNull(actor, "actor"))) {
      throw new IllegalArgumentException("actor is not an organization id: " + actor);
    }
    if (!isType(Objects.requireNonNull(type, "type"))) {
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
    return canonicalBytes(Jcs.canonicalize(body));
  }

  /**
   * The canonical bytes, given the body's: JCS orders the members actor, body, prev, seq, ts, type,
   * v, and every member but the body has one spelling that needs no escaping (the checks in the
   * constructor), so the envelope is spliced around the body's bytes instead of canonicalizing the
   * whole object again. Tests hold this equal to JCS of {@link #toJson()}.
   */
  byte[] canonicalBytes(byte[] canonicalBody) {
    byte[] seqDigits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
    int length =
        ACTOR_OPEN.length
            + actor.length()
            + BODY_OPEN.length
            + canonicalBody.length
            + PREV_OPEN.length
            + EntryHash.LENGTH * 2
            + SEQ_OPEN.length
            + seqDigits.length
            + TS_OPEN.length
            + 24
            + TYPE_OPEN.length
            + type.length()
            + CLOSE.length;
    byte[] out = new byte[length];
    int at = put(out, 0, ACTOR_OPEN);
    at = putAscii(out, at, actor);
    at = put(out, at, BODY_OPEN);
    at = put(out, at, canonicalBody);
    at = put(out, at, PREV_OPEN);
    at = putAscii(out, at, prev.hex());
    at = put(out, at, SEQ_OPEN);
    at = put(out, at, seqDigits);
    at = put(out, at, TS_OPEN);
    at = putAscii(out, at, Timestamps.format(ts));
    at = put(out, at, TYPE_OPEN);
    at = putAscii(out, at, type);
    at = put(out, at, CLOSE);
    if (at != length) {
      throw new IllegalStateException("entry envelope length " + at + " != " + length);
    }
    return out;
  }

  private static final byte[] ACTOR_OPEN = ascii("{\"actor\":\"");
  private static final byte[] BODY_OPEN = ascii("\",\"body\":");
  private static final byte[] PREV_OPEN = ascii(",\"prev\":\"");
  private static final byte[] SEQ_OPEN = ascii("\",\"seq\":");
  private static final byte[] TS_OPEN = ascii(",\"ts\":\"");
  private static final byte[] TYPE_OPEN = ascii("\",\"type\":\"");
  private static final byte[] CLOSE = ascii("\",\"v\":" + VERSION + "}");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static int put(byte[] out, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  /** Writes an ASCII string (checked by the constructor: actor, type, hex, timestamp). */
  @SuppressWarnings(
      "deprecation") // String.getBytes(int, int, byte[], int): exactly right for ASCII
  private static int putAscii(byte[] out, int at, String s) {
    s.getBytes(0, s.length(), out, at);
    return at + s.length();
  }

  @Override
  public String toString() {
    return new String(canonicalBytes(), StandardCharsets.UTF_8);
  }
}
