package net.suyuan.ledger.core.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry bundle bytes (c2sp.org/tlog-tiles "Log entries"): each entry as a big-endian uint16 length
 * followed by its bytes, so an entry is at most 65,535 bytes. The ledger's entries are its
 * canonical entry bytes, whose leaf hash is the entry hash.
 */
public final class EntryBundle {
  public static final int MAX_ENTRY_LENGTH = 0xFFFF;

  private EntryBundle() {}

  public static byte[] encode(List<byte[]> entries) {
    if (entries.isEmpty() || entries.size() > TilePath.FULL_WIDTH) {
      throw new IllegalArgumentException("a bundle holds 1 to 256 entries, got " + entries.size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      if (e.length > MAX_ENTRY_LENGTH) {
        throw new IllegalArgumentException("entry of " + e.length + " bytes exceeds 65535");
      }
      out.write(e.length >>> 8);
      out.write(e.length & 0xFF);
      out.write(e, 0, e.length);
    }
    return out.toByteArray();
  }

  /**
   * Decodes a bundle that must hold exactly {@code expectedCount} entries (the bundle's width) and
   * nothing after them.
   */
  public static List<byte[]> decode(byte[] bundle, int expectedCount) throws LogFormatException {
    List<byte[]> out = new ArrayList<>(expectedCount);
    int at = 0;
    while (at < bundle.length) {
      if (out.size() == expectedCount) {
        throw new LogFormatException("entry bundle has trailing bytes after " + expectedCount);
      }
      if (bundle.length - at < 2) {
        throw new LogFormatException("entry bundle truncated in a length prefix");
      }
      int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
      at += 2;
      if (bundle.length - at < length) {
        throw new LogFormatException("entry bundle truncated in entry " + out.size());
      }
      out.add(Arrays.copyOfRange(bundle, at, at + length));
      at += length;
    }
    if (out.size() != expectedCount) {
      throw new LogFormatException(
          "entry bundle has " + out.size() + " entries, expected " + expectedCount);
    }
    return out;
  }
}
