package net.suyuan.ledger.core.json;

/** Strict UTF-8 (RFC 3629): no overlong forms, no encoded surrogates, nothing past U+10FFFF. */
final class Utf8 {
  private Utf8() {}

  /** Length of the multi-byte sequence a lead byte starts: 2, 3 or 4, or 0 if it starts none. */
  static int length(byte lead) {
    int b = lead & 0xff;
    return b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  }

  /** The code point of the multi-byte sequence at {@code pos}, or -1 if it is not valid UTF-8. */
  static int codePoint(byte[] in, int pos, int end) {
    int length = length(in[pos]);
    if (length == 0 || pos + length > end) {
      return -1;
    }
    int cp = in[pos] & (0x7f >> length);
    for (int i = 1; i < length; i++) {
      int b = in[pos + i] & 0xff;
      if ((b & 0xc0) != 0x80) {
        return -1;
      }
      cp = (cp << 6) | (b & 0x3f);
    }
    int min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return -1;
    }
    return cp;
  }

  /**
   * Decodes one multi-byte sequence starting at {@code pos} and appends it to {@code out}.
   *
   * @return the position after the sequence, or {@code -(pos + 1)} when invalid
   */
  static int decode(byte[] in, int pos, int end, StringBuilder out) {
    int cp = codePoint(in, pos, end);
    if (cp < 0) {
      return -(pos + 1);
    }
    out.appendCodePoint(cp);
    return pos + length(in[pos]);
  }
}
