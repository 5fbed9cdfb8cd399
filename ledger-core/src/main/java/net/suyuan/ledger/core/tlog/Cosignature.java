package net.suyuan.ledger.core.tlog;

/**
 * c2sp.org/tlog-cosignature v1 with Ed25519 (type 0x04): the signature is {@code u64 timestamp ||
 * Ed25519 signature}, the signed message {@code "cosignature/v1\ntime <timestamp>\n"} followed by
 * the checkpoint's note text (body including extension lines, without signatures).
 */
public final class Cosignature {
  private Cosignature() {}

  /** The signed message ("Ed25519 signed message"). */
  public static String message(long timestamp, String checkpointText) {
    if (timestamp < 0) {
      throw new IllegalArgumentException("timestamp must be in [0, 2^63 - 1]");
    }
    return "cosignature/v1\ntime " + timestamp + "\n" + checkpointText;
  }

  /** The big-endian timestamp at the start of a cosignature; negative if it exceeds 2^63 - 1. */
  static long timestamp(byte[] signature) {
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t = (t << 8) | (signature[i] & 0xFF);
    }
    return t;
  }
}
