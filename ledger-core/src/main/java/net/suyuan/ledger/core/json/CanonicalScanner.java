package net.suyuan.ledger.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks in one pass, without building a tree, that bytes are exactly RFC 8785 canonical JSON, and
 * reports the members of the top-level object to a sink. This is the verifier's hot path: it must
 * cost no more than hashing the same bytes. Its answer equals {@code
 * Arrays.equals(Jcs.canonicalize(JsonParser.parse(b)), b)} (a property test holds it to that).
 *
 * <p>Canonical form, as this scanner checks it: no whitespace; member names strictly increasing in
 * UTF-16 code unit order (§3.2.3), hence unique; strings holding raw UTF-8 except {@code "} and
 * {@code \} and control characters, which use the short escapes of JSON.stringify or a
 * six-character escape (backslash, u, 00 and with lowercase hex (§3.2.2.2); numbers in ECMAScript
 * form (§3.2.2.3); valid UTF-8 (§3.2.4).
 */
public final class CanonicalScanner {
  /** Receives each member of the top-level object as byte ranges (names without the quotes). */
  @FunctionalInterface
  public interface MemberSink {
    void member(byte[] in, int nameStart, int nameEnd, int valueStart, int valueEnd);
  }

  /** Returned by {@link #scan} when the input is canonical. */
  public static final int CANONICAL = -1;

  private static final MemberSink IGNORE = null; // no sink: members are not reported

  private byte[] in;
  private int end;
  private MemberSink sink;
  private int pos;
  // Per open container: its kind and, for objects, the previous member name (to check order).
  // Kept between scans so a reused scanner allocates nothing.
  private byte[] kind = new byte[8];
  private int[] nameStart = new int[8];
  private int[] nameEnd = new int[8];
  private boolean[] nameDecode = new boolean[8];
  private boolean prefix; // scanPrefix: stop after the first complete value
  private int valueEnd;
  // Set by string(): whether the last string had escapes or bytes whose UTF-8 order may differ
  // from UTF-16 order (lead bytes 0xEE..0xF4: U+E000..U+FFFF and supplementary characters).
  private boolean lastStringNeedsDecode;

  /** A scanner to reuse for many inputs (not thread-safe); the static methods make their own. */
  public CanonicalScanner() {}

  /** True when the bytes are canonical JSON. */
  public static boolean isCanonical(byte[] in, int offset, int length) {
    return scan(in, offset, length, IGNORE) == CANONICAL;
  }

  /**
   * Scans one JSON text.
   *
   * @return {@link #CANONICAL}, or the offset of the first byte where the input departs from
   *     canonical form (which includes not being JSON at all)
   */
  public static int scan(byte[] in, int offset, int length, MemberSink sink) {
    return new CanonicalScanner().scanWith(in, offset, length, sink);
  }

  /**
   * Scans one canonical value that starts at {@code offset} and may be followed by more bytes.
   *
   * @return the offset just after the value, or -1 if no canonical value starts there
   */
  public int scanPrefix(byte[] in, int offset, int end) {
    prefix = true;
    try {
      return scanWith(in, offset, end - offset, null) == CANONICAL ? valueEnd : -1;
    } finally {
      prefix = false;
    }
  }

  /** As {@link #scan}, reusing this scanner's buffers. */
  public int scanWith(byte[] in, int offset, int length, MemberSink sink) {
    this.in = in;
    this.pos = offset;
    this.end = offset + length;
    this.sink = sink;
    try {
      return run();
    } finally {
      this.in = null; // do not keep the caller's buffer reachable
      this.sink = null;
    }
  }

  private static final byte OBJECT = 1;
  private static final byte ARRAY = 2;

  /**
   * One loop over the input with its position in a local variable: no recursion, and the common
   * cases (ASCII strings, small integers, punctuation) stay in the loop. Returns {@link #CANONICAL}
   * or the offset where the input first departs from canonical form.
   */
  private int run() {
    final byte[] in = this.in;
    final int end = this.end;
    byte[] kind = this.kind;
    int[] nameStart = this.nameStart;
    int[] nameEnd = this.nameEnd;
    boolean[] nameDecode = this.nameDecode;
    int depth = 0;
    int p = pos;
    int valueStart = p;
    int memberNameStart = 0;
    int memberNameEnd = 0;
    boolean expectName = false;
    while (true) {
      if (p >= end) {
        return end;
      }
      if (expectName) { // inside an object, after '{' or ','
        if (in[p] != '"') {
          return p;
        }
        int start = p + 1;
        int q = plainRun(in, start, end);
        if (q < end && in[q] == '"') { // the common case: plain ASCII, no escapes
          p = q + 1;
          lastStringNeedsDecode = false;
        } else {
          pos = p;
          if (!string()) {
            return pos;
          }
          p = pos;
        }
        int stop = p - 1;
        int previous = nameStart[depth];
        if (previous >= 0
            // Most names already differ in their first byte; decide those here, without the call.
            && !(previous < nameEnd[depth]
                && start < stop
                && !nameDecode[depth]
                && !lastStringNeedsDecode
                && (in[previous] & 0xff) < (in[start] & 0xff))
            && !increasing(
                nameStart[depth],
                nameEnd[depth],
                nameDecode[depth],
                start,
                stop,
                lastStringNeedsDecode)) {
          return start - 1;
        }
        nameStart[depth] = start;
        nameEnd[depth] = stop;
        nameDecode[depth] = lastStringNeedsDecode;
        if (p >= end || in[p] != ':') {
          return p;
        }
        p++;
        if (depth == 1) {
          memberNameStart = start;
          memberNameEnd = stop;
          valueStart = p;
        }
        expectName = false;
        continue;
      }
      byte c = in[p]; // a value starts here
      if (c == '{' || c == '[') {
        byte close = c == '{' ? (byte) '}' : (byte) ']';
        if (p + 1 < end && in[p + 1] == close) {
          p += 2; // empty container
        } else {
          if (++depth > JsonParser.MAX_DEPTH) {
            return p;
          }
          if (depth == kind.length) {
            kind = this.kind = Arrays.copyOf(kind, depth * 2);
            nameStart = this.nameStart = Arrays.copyOf(nameStart, depth * 2);
            nameEnd = this.nameEnd = Arrays.copyOf(nameEnd, depth * 2);
            nameDecode = this.nameDecode = Arrays.copyOf(nameDecode, depth * 2);
          }
          kind[depth] = c == '{' ? OBJECT : ARRAY;
          nameStart[depth] = -1;
          expectName = c == '{';
          p++;
          continue;
        }
      } else if (c == '"') {
        int q = textRun(in, p + 1, end);
        if (q < end && in[q] == '"') {
          p = q + 1;
        } else {
          pos = p;
          if (!string()) {
            return pos;
          }
          p = pos;
        }
      } else if ((c >= '0' && c <= '9') || c == '-') {
        int start = p;
        boolean negative = c == '-';
        if (negative) {
          p++;
        }
        int digitsStart = p;
        p = digitRun(in, p, end);
        int digits = p - digitsStart;
        boolean plain = p >= end || (in[p] != '.' && in[p] != 'e' && in[p] != 'E');
        if (digits > 0 && digits <= 15 && plain) {
          // Integers below 10^15 are exact doubles printed as their digits: canonical unless
          // they have a leading zero or are "-0".
          if (in[digitsStart] == '0' && (digits > 1 || negative)) {
            return start;
          }
        } else {
          pos = start;
          if (!slowNumber()) {
            return start;
          }
          p = pos;
        }
      } else if (c == 't' || c == 'f' || c == 'n') {
        byte[] word = c == 't' ? TRUE : c == 'f' ? FALSE : NULL;
        if (!literalAt(p, word)) {
          return p;
        }
        p += word.length;
      } else {
        return p;
      }
      // After a complete value: report top-level members, then ',' or close containers.
      while (true) {
        if (depth == 0) {
          valueEnd = p;
          return p == end || prefix ? CANONICAL : p;
        }
        boolean inObject = kind[depth] == OBJECT;
        if (depth == 1 && inObject && sink != null) {
          sink.member(in, memberNameStart, memberNameEnd, valueStart, p);
        }
        if (p >= end) {
          return end;
        }
        byte next = in[p++];
        if (next == ',') {
          expectName = inObject;
          break;
        }
        if (next != (inObject ? '}' : ']')) {
          return p - 1;
        }
        depth--;
      }
    }
  }

  private boolean literalAt(int p, byte[] word) {
    if (p + word.length > end) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (in[p + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Scans a string at {@code pos} (on its opening quote); leaves {@code pos} after the closing one.
   */
  private boolean string() {
    byte[] in = this.in;
    int end = this.end;
    int p = pos + 1;
    boolean needsDecode = false;
    while (true) {
      p = plainRun(in, p, end);
      if (p >= end) {
        pos = p;
        return false;
      }
      int b = in[p];
      if (b == '"') {
        pos = p + 1;
        lastStringNeedsDecode = needsDecode;
        return true;
      }
      pos = p;
      if (b == '\\') {
        needsDecode = true;
        if (!canonicalEscape()) {
          return false;
        }
      } else if (b < 0) { // a UTF-8 lead byte
        if ((b & 0xff) >= 0xee) {
          needsDecode = true;
        }
        if (!utf8Sequence()) {
          return false;
        }
      } else {
        return false; // raw control character
      }
      p = pos;
    }
  }

  private static final boolean[] PLAIN = new boolean[256];

  /**
   * Like {@link #plainRun} but also steps over valid UTF-8 sequences (Chinese text in values):
   * stops at a quote, a backslash, a control character or invalid UTF-8.
   */
  private static int textRun(byte[] in, int p, int end) {
    while (true) {
      p = plainRun(in, p, end);
      if (p >= end || in[p] >= 0) {
        return p;
      }
      do { // a run of multi-byte sequences: Chinese text is mostly three-byte ones
        int lead = in[p] & 0xff;
        if (lead >= 0xe1
            && lead != 0xed
            && lead <= 0xef
            && p + 3 <= end
            && (in[p + 1] & 0xc0) == 0x80
            && (in[p + 2] & 0xc0) == 0x80) {
          // Leads E1-EC and EE-EF with any two continuation bytes are U+1000..U+FFFF outside
          // the surrogates: valid, never overlong (E0 and ED, which have limits, go below).
          p += 3;
        } else if (Utf8.codePoint(in, p, end) >= 0) {
          p += Utf8.length(in[p]);
        } else {
          return p;
        }
      } while (p < end && in[p] < 0);
    }
  }

  /**
   * The offset of the first byte at or after {@code p} that is not plain printable ASCII: a quote,
   * a backslash, a control character or a non-ASCII byte (or {@code end}).
   */
  public static int plainRun(byte[] in, int p, int end) {
    while (p + 8 <= end) {
      long special = specialBytes((long) WORDS.get(in, p));
      if (special != 0) {
        // The lowest flagged byte is exact (borrows only flag bytes above a true hit).
        return p + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      p += 8;
    }
    while (p < end && PLAIN[in[p] & 0xff]) {
      p++;
    }
    return p;
  }

  /**
   * The offset of the first byte at or after {@code p} that is not an ASCII digit (or {@code end}),
   * eight bytes at a time: numbers end at an unpredictable length, and a byte loop pays a
   * mispredicted branch at every one.
   */
  static int digitRun(byte[] in, int p, int end) {
    while (p + 8 <= end) {
      long other = nonDigitBytes((long) WORDS.get(in, p));
      if (other != 0) {
        return p + (Long.numberOfTrailingZeros(other) >>> 3);
      }
      p += 8;
    }
    while (p < end && in[p] >= '0' && in[p] <= '9') {
      p++;
    }
    return p;
  }

  /**
   * The high bit of each byte of {@code w} that is not {@code '0'..'9'}. Exact for every byte: with
   * the high bits cleared, adding 0x50 (or 0x46) to a byte sets its high bit exactly when it is at
   * least 0x30 (or 0x3a) and never carries into the next byte.
   */
  private static long nonDigitBytes(long w) {
    long low = w & ~HIGHS;
    long atLeastZero = (low + 0x50 * ONES) & HIGHS;
    long pastNine = (low + 0x46 * ONES) & HIGHS;
    return ~(atLeastZero & ~pastNine & ~w) & HIGHS;
  }

  private static final java.lang.invoke.VarHandle WORDS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The high bit of each byte of {@code w} that is {@code "}, backslash, below 0x20 or above 0x7f,
   * little-endian (SWAR: the zero-byte test of Hacker's Delight section 6-1 applied to {@code w}
   * XOR each special byte). The lowest set bit always marks a special byte; borrows can also flag
   * bytes above it, which callers ignore.
   */
  private static long specialBytes(long w) {
    long quote = w ^ (0x22 * ONES);
    long backslash = w ^ (0x5c * ONES);
    return (((quote - ONES) & ~quote)
            | ((backslash - ONES) & ~backslash)
            | ((w - 0x20 * ONES) & ~w)
            | w)
        & HIGHS;
  }

  static {
    for (int b = 0x20; b < 0x80; b++) {
      PLAIN[b] = b != '"' && b != '\\';
    }
  }

  private boolean canonicalEscape() {
    if (pos + 1 >= end) {
      return false;
    }
    switch (in[pos + 1]) {
      case '"', '\\', 'b', 'f', 'n', 'r', 't':
        pos += 2;
        return true;
      case 'u':
        // Only control characters without a short escape use the six-character form, lowercase hex.
        if (pos + 6 > end || in[pos + 2] != '0' || in[pos + 3] != '0') {
          return false;
        }
        int hi = in[pos + 4];
        int lo = in[pos + 5];
        int loValue =
            lo >= '0' && lo <= '9' ? lo - '0' : lo >= 'a' && lo <= 'f' ? lo - 'a' + 10 : -1;
        if ((hi != '0' && hi != '1') || loValue < 0) {
          return false;
        }
        int c = (hi - '0') * 16 + loValue;
        if (c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
          return false;
        }
        pos += 6;
        return true;
      default:
        return false;
    }
  }

  private boolean utf8Sequence() {
    if (Utf8.codePoint(in, pos, end) < 0) {
      return false;
    }
    pos += Utf8.length(in[pos]);
    return true;
  }

  /** Numbers other than small integers: compare with the ECMAScript form of their value. */
  private boolean slowNumber() {
    int start = pos;
    int tokenEnd = start;
    while (tokenEnd < end && isNumberChar(in[tokenEnd])) {
      tokenEnd++;
    }
    String token = new String(in, start, tokenEnd - start, StandardCharsets.US_ASCII);
    try {
      JsonValue parsed = JsonParser.parse(in, start, tokenEnd - start);
      if (!(parsed instanceof JsonNumber n) || !token.equals(Es6Numbers.toString(n.value()))) {
        return false;
      }
    } catch (JsonParseException e) {
      return false;
    }
    pos = tokenEnd;
    return true;
  }

  private static boolean isNumberChar(byte b) {
    return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
  }

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** Member names must be strictly increasing in UTF-16 code unit order (RFC 8785 §3.2.3). */
  private boolean increasing(
      int aStart, int aEnd, boolean aDecode, int bStart, int bEnd, boolean bDecode) {
    if (!aDecode && !bDecode) {
      // Without escapes and below U+E000, UTF-8 byte order equals UTF-16 code unit order.
      // Names are short: a plain loop beats Arrays.compareUnsigned's range checks and setup.
      int n = Math.min(aEnd - aStart, bEnd - bStart);
      for (int i = 0; i < n; i++) {
        int a = in[aStart + i] & 0xff;
        int b = in[bStart + i] & 0xff;
        if (a != b) {
          return a < b;
        }
      }
      return aEnd - aStart < bEnd - bStart;
    }
    return decodeName(aStart, aEnd).compareTo(decodeName(bStart, bEnd)) < 0;
  }

  private String decodeName(int start, int end) {
    try {
      return ((JsonString) JsonParser.parse(in, start - 1, end - start + 2)).value();
    } catch (JsonParseException e) {
      throw new IllegalStateException("name already scanned as a valid string", e);
    }
  }
}
