package net.suyuan.ledger.core.hash;

import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte entry hash; its text form is 64 lowercase hex characters. */
public record EntryHash(byte[] bytes) {
  public static final int LENGTH = 32;
  private static final HexFormat HEX = HexFormat.of();

  /** The genesis entry's {@code prev}: 32 zero bytes. */
  public static final EntryHash ZERO = new EntryHash(new byte[LENGTH]);

  public EntryHash {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an entry hash has 32 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Parses 64 lowercase hex characters.
   *
   * @throws IllegalArgumentException on any other input (uppercase is not the canonical form)
   */
  public static EntryHash fromHex(String hex) {
    if (hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("an entry hash is 64 hex characters, got " + hex.length());
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new IllegalArgumentException("entry hashes are lowercase hex; bad character at " + i);
      }
    }
    return new EntryHash(HEX.parseHex(hex));
  }

  public String hex() {
    return HEX.formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EntryHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
