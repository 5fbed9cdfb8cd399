package net.suyuan.ledger.core.verify;

import net.suyuan.ledger.core.json.CanonicalScanner;

/**
 * Collects the byte ranges of a v1 entry's seven top-level members while the canonical scanner
 * runs. Reused across entries so the verifier's loop allocates nothing per entry.
 */
final class EntryFields implements CanonicalScanner.MemberSink {
  static final int ACTOR = 0;
  static final int BODY = 1;
  static final int PREV = 2;
  static final int SEQ = 3;
  static final int TS = 4;
  static final int TYPE = 5;
  static final int V = 6;
  private static final byte[][] NAMES = {
    bytes("actor"),
    bytes("body"),
    bytes("prev"),
    bytes("seq"),
    bytes("ts"),
    bytes("type"),
    bytes("v")
  };

  final int[] start = new int[NAMES.length];
  final int[] end = new int[NAMES.length];
  private int seen;
  private int next; // canonical order is sorted, so the next expected name is the likely one
  private String unknown;

  void reset() {
    seen = 0;
    next = 0;
    unknown = null;
  }

  @Override
  public void member(byte[] in, int nameStart, int nameEnd, int valueStart, int valueEnd) {
    if (next < NAMES.length && matches(in, nameStart, nameEnd, next)) {
      start[next] = valueStart;
      end[next] = valueEnd;
      seen |= 1 << next;
      next++;
      return;
    }
    for (int i = 0; i < NAMES.length; i++) {
      if (matches(in, nameStart, nameEnd, i)) {
        start[i] = valueStart;
        end[i] = valueEnd;
        seen |= 1 << i;
        return;
      }
    }
    if (unknown == null) {
      unknown =
          new String(in, nameStart, nameEnd - nameStart, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static boolean matches(byte[] in, int nameStart, int nameEnd, int i) {
    return java.util.Arrays.equals(in, nameStart, nameEnd, NAMES[i], 0, NAMES[i].length);
  }

  /** Null when exactly the seven v1 members were present, else what is wrong. */
  String shapeProblem() {
    if (unknown != null) {
      return "unknown member \"" + unknown + "\"";
    }
    for (int i = 0; i < NAMES.length; i++) {
      if ((seen & (1 << i)) == 0) {
        return "missing member \""
            + new String(NAMES[i], java.nio.charset.StandardCharsets.US_ASCII)
            + "\"";
      }
    }
    return null;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
