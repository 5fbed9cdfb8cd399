package net.suyuan.ledger.core.tlog;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/**
 * A private signing key in the text format of Go's golang.org/x/mod/sumdb/note ({@code
 * PRIVATE+KEY+<name>+<hex key ID>+<base64(type || private key)>}), the de-facto companion of the
 * c2sp.org/signed-note vkey. The key ID is that of the matching {@link VerifierKey}. The private
 * key is the 32-byte RFC 8032 seed for Ed25519 and cosignature keys, the 32-byte scalar for SM2.
 */
public record SignerKey(String name, SignatureAlgorithm algorithm, byte[] privateKey) {
  private static final String PREFIX = "PRIVATE+KEY+";
  private static final int PRIVATE_KEY_LENGTH = 32;

  public SignerKey {
    KeyId.checkName(name);
    if (privateKey.length != PRIVATE_KEY_LENGTH) {
      throw new IllegalArgumentException("private keys have 32 bytes, got " + privateKey.length);
    }
    privateKey = privateKey.clone();
    if (algorithm == SignatureAlgorithm.SM2) {
      NoteCrypto.checkSm2PrivateKey(privateKey);
    }
  }

  /** A new random key. */
  public static SignerKey generate(String name, SignatureAlgorithm algorithm, SecureRandom random) {
    byte[] key = new byte[PRIVATE_KEY_LENGTH];
    while (true) {
      random.nextBytes(key);
      try {
        return new SignerKey(name, algorithm, key);
      } catch (IllegalArgumentException e) {
        if (algorithm != SignatureAlgorithm.SM2) {
          throw e;
        }
        // An SM2 scalar out of [1, n-2]: draw again (probability ~2^-32).
      }
    }
  }

  public static SignerKey parse(String text) throws LogFormatException {
    if (!text.startsWith(PREFIX)) {
      throw new LogFormatException("a private key starts with PRIVATE+KEY+");
    }
    String[] parts = text.substring(PREFIX.length()).split("\\+", 3);
    if (parts.length != 3) {
      throw new LogFormatException("a private key is PRIVATE+KEY+<name>+<key id>+<key>");
    }
    int keyId = VerifierKey.parseKeyIdHex(parts[1]);
    byte[] typeAndKey = Base64Strict.decode(parts[2], "private key");
    SignatureAlgorithm alg = null;
    for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
      byte[] type = a.type();
      if (typeAndKey.length == type.length + PRIVATE_KEY_LENGTH
          && Arrays.equals(typeAndKey, 0, type.length, type, 0, type.length)) {
        alg = a;
      }
    }
    if (alg == null) {
      throw new LogFormatException("unsupported private key type or length");
    }
    SignerKey key;
    try {
      key =
          new SignerKey(
              parts[0], alg, Arrays.copyOfRange(typeAndKey, alg.type().length, typeAndKey.length));
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("bad private key: " + e.getMessage());
    }
    if (key.verifierKey().keyId() != keyId) {
      throw new LogFormatException("private key's key ID does not match its public key");
    }
    return key;
  }

  public String encode() {
    byte[] type = algorithm.type();
    byte[] typeAndKey = Arrays.copyOf(type, type.length + privateKey.length);
    System.arraycopy(privateKey, 0, typeAndKey, type.length, privateKey.length);
    return PREFIX
        + name
        + "+"
        + KeyId.hex(verifierKey().keyId())
        + "+"
        + Base64Strict.encode(typeAndKey);
  }

  public VerifierKey verifierKey() {
    byte[] pub =
        switch (algorithm) {
          case ED25519, COSIGNATURE_V1 -> NoteCrypto.ed25519PublicKey(privateKey);
          case SM2 -> NoteCrypto.sm2PublicKey(privateKey);
        };
    return VerifierKey.of(name, algorithm, pub);
  }

  /**
   * The same Ed25519 key as a tlog-cosignature v1 key (type 0x04, its own key ID), as
   * transparency-dev/formats's {@code NewSignerForCosignatureV1} derives a witness key from a
   * type-0x01 key file.
   */
  public SignerKey asCosignatureKey() {
    if (algorithm == SignatureAlgorithm.SM2) {
      throw new IllegalArgumentException("only Ed25519 keys make cosignatures");
    }
    return new SignerKey(name, SignatureAlgorithm.COSIGNATURE_V1, privateKey);
  }

  /** A signer; the clock is read only for cosignature timestamps. */
  public NoteSigner signer(Clock clock) {
    return new NoteSigner(this, verifierKey(), clock);
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignerKey k
        && name.equals(k.name)
        && algorithm == k.algorithm
        && Arrays.equals(privateKey, k.privateKey);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + algorithm.hashCode();
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "SignerKey[" + name + ", " + algorithm + "]";
  }
}
