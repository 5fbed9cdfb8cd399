package net.suyuan.ledger.core.json;

import java.nio.charset.StandardCharsets;

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

  private static final MemberSink IGNORE = (in, ns, ne, vs, ve) -> {};

  private final byte[] in;
  private final int end;
  private final MemberSink sink;
  private int pos;
  // Set by string(): whether the last string had escapes or bytes whose UTF-8 order may differ
  // from UTF-16 order (lead bytes 0xEE..0xF4: U+E000..U+FFFF and supplementary characters).
  private boolean lastStringNeedsDecode;

  private CanonicalScanner(byte[] in, int offset, int length, MemberSink sink) {
    this.in = in;
    this.pos = offset;
    this.end = offset + length;
    this.sink = sink;
  }

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
    CanonicalScanner s = new CanonicalScanner(in, offset, length, sink);
    if (!s.value(0) || s.pos != s.end) {
      return Math.min(s.pos, s.end);
    }
    return CANONICAL;
  }

  private boolean value(int depth) {
    if (pos >= end) {
      return false;
    }
    switch (in[pos]) {
      case '{':
        return depth < JsonParser.MAX_DEPTH && object(depth + 1);
      case '[':
        return depth < JsonParser.MAX_DEPTH && array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal(TRUE);
      case 'f':
        return literal(FALSE);
      case 'n':
        return literal(NULL);
      default:
        return number();
    }
  }

  private boolean object(int depth) {
    pos++;
    if (pos < end && in[pos] == '}') {
      pos++;
      return true;
    }
    int prevStart = -1;
    int prevEnd = -1;
    boolean prevNeedsDecode = false;
    while (true) {
      if (pos >= end || in[pos] != '"') {
        return false;
      }
      int nameStart = pos + 1;
      if (!string()) {
        return false;
      }
      int nameEnd = pos - 1;
      boolean needsDecode = lastStringNeedsDecode;
      if (prevStart >= 0
          && !increasing(prevStart, prevEnd, prevNeedsDecode, nameStart, nameEnd, needsDecode)) {
        pos = nameStart - 1;
        return false;
      }
      if (pos >= end || in[pos] != ':') {
        return false;
      }
      pos++;
      int valueStart = pos;
      if (!value(depth)) {
        return false;
      }
      if (depth == 1) {
        sink.member(in, nameStart, nameEnd, valueStart, pos);
      }
      prevStart = nameStart;
      prevEnd = nameEnd;
      prevNeedsDecode = needsDecode;
      if (pos >= end) {
        return false;
      }
      byte b = in[pos++];
      if (b == '}') {
        return true;
      }
      if (b != ',') {
        pos--;
        return false;
      }
    }
  }

  private boolean array(int depth) {
    pos++;
    if (pos < end && in[pos] == ']') {
      pos++;
      return true;
    }
    while (true) {
      if (!value(depth)) {
        return false;
      }
      if (pos >= end) {
        return false;
      }
      byte b = in[pos++];
      if (b == ']') {
        return true;
      }
      if (b != ',') {
        pos--;
        return false;
      }
    }
  }

  /**
   * Scans a string at {@code pos} (on its opening quote); leaves {@code pos} after the closing one.
   */
  private boolean string() {
    pos++;
    boolean needsDecode = false;
    while (pos < end) {
      int b = in[pos];
      if (b >= 0x20 && b != '"' && b != '\\') { // printable ASCII: the common case
        pos++;
      } else if (b == '"') {
        pos++;
        lastStringNeedsDecode = needsDecode;
        return true;
      } else if (b == '\\') {
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
    }
    return false;
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
    int b0 = in[pos] & 0xff;
    int length;
    int cp;
    int min;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      length = 2;
      cp = b0 & 0x1f;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      cp = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      cp = b0 & 0x07;
      min = 0x10000;
    } else {
      return false;
    }
    if (pos + length > end) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      int b = in[pos + i] & 0xff;
      if ((b & 0xc0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    pos += length;
    return true;
  }

  private boolean number() {
    int start = pos;
    boolean negative = pos < end && in[pos] == '-';
    if (negative) {
      pos++;
    }
    int digitsStart = pos;
    while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    int digits = pos - digitsStart;
    if (digits == 0) {
      return false;
    }
    boolean plainInteger = pos >= end || (in[pos] != '.' && in[pos] != 'e' && in[pos] != 'E');
    if (plainInteger && digits <= 15) {
      // Integers below 10^15 are exact doubles and print as their digits: canonical unless they
      // have a leading zero or are "-0".
      boolean leadingZero = in[digitsStart] == '0';
      return !leadingZero || (digits == 1 && !negative);
    }
    // Rare in ledger data: fall back to the definition (parse, then ECMAScript formatting).
    pos = start;
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

  private boolean literal(byte[] word) {
    if (pos + word.length > end) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (in[pos + i] != word[i]) {
        return false;
      }
    }
    pos += word.length;
    return true;
  }

  /** Member names must be strictly increasing in UTF-16 code unit order (RFC 8785 §3.2.3). */
  private boolean increasing(
      int aStart, int aEnd, boolean aDecode, int bStart, int bEnd, boolean bDecode) {
    if (!aDecode && !bDecode) {
      // Without escapes and below U+E000, UTF-8 byte order equals UTF-16 code unit order.
      return java.util.Arrays.compareUnsigned(in, aStart, aEnd, in, bStart, bEnd) < 0;
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
