package net.suyuan.ledger.core.verify;

import static java.nio.charset.StandardCharsets.US_ASCII;

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
 */
final class EntryTemplate {
  private static final byte[] ACTOR = bytes("{\"actor\":\"");
  private static final byte[] BODY = bytes("\",\"body\":");
  private static final byte[] PREV = bytes(",\"prev\":\"");
  private static final byte[] SEQ = bytes("\",\"seq\":");
  private static final byte[] TS = bytes(",\"ts\":\"");
  private static final byte[] TYPE = bytes("\",\"type\":\"");
  private static final byte[] V = bytes("\",\"v\":1}");
  private static final byte[] GENESIS = bytes(Entry.GENESIS_TYPE);

  private EntryTemplate() {}

  /** True when {@code in[offset, offset+length)} is a valid entry {@code seq} linked to prevHex. */
  static boolean matches(
      byte[] in, int offset, int length, long seq, byte[] prevHex, CanonicalScanner scanner) {
    int end = offset + length;
    int p = literal(in, offset, end, ACTOR);
    int actorStart = p;
    p = quote(in, p, end);
    if (p < 0 || !Entry.isActor(in, actorStart, p)) {
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
    if (p < 0 || p + 24 > end || !Timestamps.isCanonical(in, p, p + 24)) {
      return false;
    }
    p = literal(in, p + 24, end, TYPE);
    int typeStart = p;
    p = quote(in, p, end);
    if (p < 0
        || !Entry.isType(in, typeStart, p)
        || Arrays.equals(in, typeStart, p, GENESIS, 0, GENESIS.length)) {
      return false;
    }
    return literal(in, p, end, V) == end;
  }

  /** The offset after {@code lit} if it is at {@code p}, else -1 (also for p < 0). */
  private static int literal(byte[] in, int p, int end, byte[] lit) {
    if (p < 0
        || p + lit.length > end
        || !Arrays.equals(in, p, p + lit.length, lit, 0, lit.length)) {
      return -1;
    }
    return p + lit.length;
  }

  /** The offset of the closing quote of a plain ASCII string at {@code p}, or -1. */
  private static int quote(byte[] in, int p, int end) {
    if (p < 0) {
      return -1;
    }
    p = CanonicalScanner.plainRun(in, p, end); // actor and type are plain ASCII when valid
    return p < end && in[p] == '"' ? p : -1;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(US_ASCII);
  }
}
