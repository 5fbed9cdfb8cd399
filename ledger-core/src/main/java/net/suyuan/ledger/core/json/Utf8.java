package net.suyuan.ledger.core.json;

/**
 * Strict UTF-8 decoding (RFC 3629): no overlong forms, no encoded surrogates, nothing past
 * U+10FFFF.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * Decodes one multi-byte sequence starting at {@code pos} and appends it to {@code out}.
   *
   * @return the position after the sequence, or {@code -(errorPosition + 1)} when invalid
   */
  static int decode(byte[] in, int pos, int end, StringBuilder out) {
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
      return -(pos + 1);
    }
    if (pos + length > end) {
      return -(pos + 1);
    }
    for (int i = 1; i < length; i++) {
      int b = in[pos + i] & 0xff;
      if ((b & 0xc0) != 0x80) {
        return -(pos + i + 1);
      }
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return -(pos + 1);
    }
    out.appendCodePoint(cp);
    return pos + length;
  }
}
