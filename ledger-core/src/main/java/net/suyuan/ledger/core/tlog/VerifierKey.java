package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;

/**
 * A verifier key (c2sp.org/signed-note "Verifier keys"): {@code <name>+<hex key ID>+<base64(type ||
 * public key)>}. The key ID must be the recommended SHA-256 one for the name, type and key. Only
 * the types of {@link SignatureAlgorithm} are supported.
 */
public record VerifierKey(String name, int keyId, SignatureAlgorithm algorithm, byte[] publicKey) {
  public VerifierKey {
    KeyId.checkName(name);
    if (publicKey.length != algorithm.publicKeyLength()) {
      throw new IllegalArgumentException(
          algorithm + " public keys have " + algorithm.publicKeyLength() + " bytes");
    }
    publicKey = publicKey.clone();
    if (algorithm == SignatureAlgorithm.SM2) {
      NoteCrypto.sm2Point(publicKey);
    }
    int expected = KeyId.compute(name, algorithm, publicKey);
    if (keyId != expected) {
      throw new IllegalArgumentException(
          "key ID " + KeyId.hex(keyId) + " does not match the key (" + KeyId.hex(expected) + ")");
    }
  }

  /** The key with its recommended key ID. */
  public static VerifierKey of(String name, SignatureAlgorithm algorithm, byte[] publicKey) {
    return new VerifierKey(name, KeyId.compute(name, algorithm, publicKey), algorithm, publicKey);
  }

  /**
   * Parses a vkey. The base64 part may itself contain {@code +}, so the text is split at the first
   * two. The key ID must be 8 lowercase hex digits and match the key.
   */
  public static VerifierKey parse(String vkey) throws LogFormatException {
    String[] parts = vkey.split("\\+", 3);
    if (parts.length != 3) {
      throw new LogFormatException("a vkey is <name>+<key id>+<key>");
    }
    int keyId = parseKeyIdHex(parts[1]);
    byte[] typeAndKey = Base64Strict.decode(parts[2], "vkey key");
    SignatureAlgorithm alg = SignatureAlgorithm.fromTypeAndKey(typeAndKey);
    byte[] key = Arrays.copyOfRange(typeAndKey, alg.type().length, typeAndKey.length);
    try {
      return new VerifierKey(parts[0], keyId, alg, key);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("bad vkey: " + e.getMessage());
    }
  }

  static int parseKeyIdHex(String hex) throws LogFormatException {
    if (hex.length() != 8
        || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new LogFormatException("a key ID is 8 lowercase hex digits");
    }
    return (int) Long.parseLong(hex, 16);
  }

  /** The vkey text. */
  public String encode() {
    byte[] type = algorithm.type();
    byte[] typeAndKey = Arrays.copyOf(type, type.length + publicKey.length);
    System.arraycopy(publicKey, 0, typeAndKey, type.length, publicKey.length);
    return name + "+" + KeyId.hex(keyId) + "+" + Base64Strict.encode(typeAndKey);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * Verifies {@code signature} (the bytes after the key ID) over the note {@code text}. Returns the
   * cosignature timestamp for {@link SignatureAlgorithm#COSIGNATURE_V1}, else -1.
   */
  long verify(String text, byte[] signature) throws LogVerificationException {
    if (signature.length != algorithm.signatureLength()) {
      throw new LogVerificationException(
          "invalid signature for key " + this + ": " + signature.length + " bytes");
    }
    byte[] message = text.getBytes(UTF_8);
    long timestamp = -1;
    boolean ok =
        switch (algorithm) {
          case ED25519 -> NoteCrypto.ed25519Verify(publicKey, message, signature);
          case SM2 -> NoteCrypto.sm2Verify(publicKey, message, signature);
          case COSIGNATURE_V1 -> {
            timestamp = Cosignature.timestamp(signature);
            if (timestamp < 0) {
              throw new LogVerificationException("cosignature timestamp exceeds 2^63 - 1");
            }
            byte[] sig = Arrays.copyOfRange(signature, 8, signature.length);
            yield NoteCrypto.ed25519Verify(
                publicKey, Cosignature.message(timestamp, text).getBytes(UTF_8), sig);
          }
        };
    if (!ok) {
      throw new LogVerificationException("invalid signature for key " + this);
    }
    return timestamp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k
        && name.equals(k.name)
        && keyId == k.keyId
        && algorithm == k.algorithm
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + keyId) + Arrays.hashCode(publicKey);
  }

  /** {@code name+keyid}, as Go's note package names keys in errors. */
  @Override
  public String toString() {
    return name + "+" + KeyId.hex(keyId);
  }
}
