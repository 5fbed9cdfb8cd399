package net.suyuan.ledger.core.verify;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.suyuan.ledger.core.chain.Entry;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.json.CanonicalScanner;

/**
 * The verifier's fast path. A valid v1 entry after genesis has one possible canonical layout:
 *
 * <pre>{"actor":"…","body":{…},"prev":"&lt;64 hex&gt;","seq":N,"ts":"…","type":"…","v":1}</pre>
 *
 * Matching that template byte by byte, with the general canonical scanner only for the body, checks
 * everything {@link ChainVerifier}'s general path checks, at a fraction of the cost. Any mismatch
 * answers false and the general path runs, to name the failure precisely; so this class decides
 * only speed, never a verdict.
 *
 * <p>It remembers the last {@code ts}, {@code actor} and {@code type} it accepted: consecutive
 * entries often repeat them (a group commit gives all its entries one {@code ts}), and bytes equal
 * to accepted bytes are accepted without checking them again. Not thread-safe: one per verifier.
 */
final class EntryTemplate {
  // First: the literals below read their first words with it while the class initializes.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final Literal ACTOR = Literal.of("{\"actor\":\"");
  private static final Literal BODY = Literal.of("\",\"body\":");
  private static final Literal PREV = Literal.of(",\"prev\":\"");
  private static final Literal SEQ = Literal.of("\",\"seq\":");
  private static final Literal TS = Literal.of(",\"ts\":\"");
  private static final Literal TYPE = Literal.of("\",\"type\":\"");
  private static final Literal V = Literal.of("\",\"v\":1}");
  private static final byte[] GENESIS = Entry.GENESIS_TYPE.getBytes(US_ASCII);

  private final CanonicalScanner scanner;
  private final Remembered ts = new Remembered(Timestamps::isCanonical);
  private final Remembered actor = new Remembered(Entry::isActor);
  private final Remembered type = new Remembered(EntryTemplate::isEventType);

  EntryTemplate(CanonicalScanner scanner) {
    this.scanner = scanner;
  }

  /** True when {@code in[offset, offset+length)} is a valid entry {@code seq} linked to prevHex. */
  boolean matches(byte[] in, int offset, int length, long seq, byte[] prevHex) {
    int end = offset + length;
    int p = literal(in, offset, end, ACTOR);
    int actorStart = p;
    p = quote(in, p, end);
    if (p < 0 || !actor.accepts(in, actorStart, p)) {
      return false;
    }
    p = literal(in, p, end, BODY);
    if (p < 0 || p >= end || in[p] != '{') {
      return false;
    }
    p = scanner.scanPrefix(in, p, end);
    p = literal(in, p, end, PREV);
    if (p < 0 || p + prevHex.length > end) {
      return false;
    }
    if (!Arrays.equals(in, p, p + prevHex.length, prevHex, 0, prevHex.length)) {
      return false;
    }
    p = literal(in, p + prevHex.length, end, SEQ);
    if (p < 0) {
      return false;
    }
    int digits = p;
    long value = 0;
    while (p < end && in[p] >= '0' && in[p] <= '9' && p - digits < 16) {
      value = value * 10 + (in[p++] - '0');
    }
    if (p == digits || p - digits > 15 || (in[digits] == '0' && p - digits > 1) || value != seq) {
      return false;
    }
    p = literal(in, p, end, TS);
    if (p < 0 || p + 24 > end || !ts.accepts(in, p, p + 24)) {
      return false;
    }
    p = literal(in, p + 24, end, TYPE);
    int typeStart = p;
    p = quote(in, p, end);
    if (p < 0 || !type.accepts(in, typeStart, p)) {
      return false;
    }
    return literal(in, p, end, V) == end;
  }

  /** The offset after {@code lit} if it is at {@code p}, else -1 (also for p < 0). */
  private static int literal(byte[] in, int p, int end, Literal lit) {
    byte[] bytes = lit.bytes();
    int n = bytes.length;
    if (p < 0 || p + n > end) {
      return -1;
    }
    int i = 0;
    if (n >= 8) { // the first eight bytes as one word: every literal but TS
      if ((long) LONGS.get(in, p) != lit.head()) {
        return -1;
      }
      i = 8;
    }
    for (; i < n; i++) {
      if (in[p + i] != bytes[i]) {
        return -1;
      }
    }
    return p + n;
  }

  /** A literal and, when it has eight bytes or more, its first eight as a little-endian word. */
  private record Literal(byte[] bytes, long head) {
    static Literal of(String text) {
      byte[] b = text.getBytes(US_ASCII);
      return new Literal(b, b.length >= 8 ? (long) LONGS.get(b, 0) : 0);
    }
  }

  /** The offset of the closing quote of a plain ASCII string at {@code p}, or -1. */
  private static int quote(byte[] in, int p, int end) {
    if (p < 0) {
      return -1;
    }
    p = CanonicalScanner.plainRun(in, p, end); // actor and type are plain ASCII when valid
    return p < end && in[p] == '"' ? p : -1;
  }

  /** A check of a byte range, pure: its answer depends on the bytes alone. */
  @FunctionalInterface
  private interface Check {
    boolean test(byte[] in, int start, int end);
  }

  /** A check that remembers the last bytes (at most 64) it accepted and accepts them again. */
  private static final class Remembered {
    private final Check check;
    private final byte[] bytes = new byte[64];
    private int length = -1;

    Remembered(Check check) {
      this.check = check;
    }

    boolean accepts(byte[] in, int start, int end) {
      int n = end - start;
      if (n == length && Arrays.equals(in, start, end, bytes, 0, n)) {
        return true;
      }
      if (!check.test(in, start, end)) {
        return false;
      }
      if (n > bytes.length) {
        return true; // accepted, too long to remember
      }
      System.arraycopy(in, start, bytes, 0, n);
      length = n;
      return true;
    }
  }

  /** An event type: a dotted lowercase name, and not the genesis type. */
  private static boolean isEventType(byte[] in, int start, int end) {
    return Entry.isType(in, start, end)
        && !Arrays.equals(in, start, end, GENESIS, 0, GENESIS.length);
  }
}
