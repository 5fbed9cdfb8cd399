package net.suyuan.ledger.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash functions a ledger may use; chosen in its genesis entry and fixed for its life. */
public enum HashAlg {
  /** SHA-256 (FIPS 180-4). */
  SHA_256("sha-256"),
  /** SM3 (GB/T 32905-2016), the Chinese national standard hash. */
  SM3("sm3");

  private final String id;

  HashAlg(String id) {
    this.id = id;
  }

  /** The name used in the genesis body's {@code hashAlg} member. */
  public String id() {
    return id;
  }

  public static Optional<HashAlg> fromId(String id) {
    for (HashAlg alg : values()) {
      if (alg.id.equals(id)) {
        return Optional.of(alg);
      }
    }
    return Optional.empty();
  }

  /** A new, unshared digest instance (digests are stateful and not thread-safe). */
  public Digest newDigest() {
    return switch (this) {
      case SHA_256 -> new JdkDigest();
      case SM3 -> new Sm3Digest();
    };
  }

  /** The one-call digest interface the ledger needs: bytes in, 32 bytes out. */
  public interface Digest {
    void update(byte b);

    void update(byte[] in, int offset, int length);

    /** Writes the 32-byte digest to {@code out} and resets. */
    void digest(byte[] out);
  }

  private static final class JdkDigest implements Digest {
    private final MessageDigest md;

    JdkDigest() {
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform must support SHA-256", e);
      }
    }

    @Override
    public void update(byte b) {
      md.update(b);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
      md.update(in, offset, length);
    }

    @Override
    public void digest(byte[] out) {
      try {
        md.digest(out, 0, 32);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class Sm3Digest implements Digest {
    private final SM3Digest sm3 = new SM3Digest();

    @Override
    public void update(byte b) {
      sm3.update(b);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
      sm3.update(in, offset, length);
    }

    @Override
    public void digest(byte[] out) {
      sm3.doFinal(out, 0);
    }
  }
}
