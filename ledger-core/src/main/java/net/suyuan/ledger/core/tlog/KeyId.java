package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Key IDs (c2sp.org/signed-note "Signatures"): the first four bytes, big-endian, of SHA-256(key
 * name || 0x0A || signature type || public key). Always SHA-256, also for SM3 ledgers.
 */
public final class KeyId {
  private KeyId() {}

  public static int compute(String name, SignatureAlgorithm alg, byte[] publicKey) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    sha.update(name.getBytes(UTF_8));
    sha.update((byte) '\n');
    sha.update(alg.type());
    sha.update(publicKey);
    byte[] d = sha.digest();
    return ((d[0] & 0xFF) << 24) | ((d[1] & 0xFF) << 16) | ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
  }

  /** Eight lowercase hex digits, as in vkeys. */
  public static String hex(int keyId) {
    return String.format("%08x", keyId);
  }

  /**
   * Key names (c2sp.org/signed-note "Format") are non-empty and contain no Unicode space (as Go's
   * {@code unicode.IsSpace}) and no plus sign.
   */
  public static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("key name must not be empty");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (c == '+' || isSpace(c) || c < 0x20 || Character.isSurrogate((char) c)) {
        throw new IllegalArgumentException(
            "key name has a space, plus, control or unpaired surrogate character");
      }
      i += Character.charCount(c);
    }
  }

  static boolean isSpace(int c) {
    return c == '\t'
        || c == '\n'
        || c == 0x0B
        || c == '\f'
        || c == '\r'
        || c == ' '
        || c == 0x85
        || Character.isSpaceChar(c);
  }
}
