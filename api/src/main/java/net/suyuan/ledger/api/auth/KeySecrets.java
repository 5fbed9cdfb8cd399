package net.suyuan.ledger.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Generation and hashing of API key secrets. Only {@link #hash} of a secret is ever stored. */
public final class KeySecrets {

  static final String SECRET_PREFIX = "lk_";
  private static final int SECRET_BYTES = 32;
  private static final int KEY_ID_BYTES = 9;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private KeySecrets() {}

  /** A new secret: {@code lk_} + base64url of 32 random bytes (256 bits). */
  public static String newSecret() {
    return SECRET_PREFIX + B64URL.encodeToString(random(SECRET_BYTES));
  }

  /** A new public key identifier, {@code key_} + 12 base64url chars. */
  public static String newKeyId() {
    return "key_" + B64URL.encodeToString(random(KEY_ID_BYTES));
  }

  /** SHA-256 of the secret's UTF-8 bytes (32 bytes), the value stored in api_key.key_hash. */
  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    }
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
