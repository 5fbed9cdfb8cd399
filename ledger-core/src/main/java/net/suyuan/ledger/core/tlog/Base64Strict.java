package net.suyuan.ledger.core.tlog;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4, with padding) that accepts only the canonical encoding, so every
 * value has exactly one text form and a re-encoded note is byte-identical to the one parsed.
 */
final class Base64Strict {
  private Base64Strict() {}

  /** Decodes canonical base64 of any length. */
  static byte[] decode(String text, String what) throws LogFormatException {
    byte[] out;
    try {
      out = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException(what + " is not valid base64");
    }
    if (!Base64.getEncoder().encodeToString(out).equals(text)) {
      throw new LogFormatException(what + " is not canonical padded base64");
    }
    return out;
  }

  /** Decodes canonical base64 of exactly {@code length} bytes. */
  static byte[] decode(String text, int length, String what) throws LogFormatException {
    byte[] out = decode(text, what);
    if (out.length != length) {
      throw new LogFormatException(what + " must be " + length + " bytes, got " + out.length);
    }
    return out;
  }

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
