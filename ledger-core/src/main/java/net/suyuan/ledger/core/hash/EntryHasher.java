package net.suyuan.ledger.core.hash;

/**
 * Entry hashing: {@code H(0x00 || canonical bytes)}. The 0x00 is RFC 9162 §2.1.1's leaf prefix, so
 * entry hashes can later be Merkle tree leaves without a second hashing scheme. Not thread-safe;
 * create one per thread.
 */
public final class EntryHasher {
  /** RFC 9162 §2.1.1: prefix of a leaf hash. */
  public static final byte LEAF_PREFIX = 0x00;

  /** RFC 9162 §2.1.1: prefix of an interior node hash (reserved for a future Merkle tree). */
  public static final byte NODE_PREFIX = 0x01;

  private final HashAlg alg;
  private final HashAlg.Digest digest;

  public EntryHasher(HashAlg alg) {
    this.alg = alg;
    this.digest = alg.newDigest();
  }

  public HashAlg alg() {
    return alg;
  }

  public EntryHash hash(byte[] canonical) {
    return hash(canonical, 0, canonical.length);
  }

  public EntryHash hash(byte[] canonical, int offset, int length) {
    byte[] out = new byte[EntryHash.LENGTH];
    hashInto(canonical, offset, length, out);
    return new EntryHash(out);
  }

  /** Allocation-free form for the verifier's hot loop. */
  public void hashInto(byte[] canonical, int offset, int length, byte[] out) {
    digest.update(LEAF_PREFIX);
    digest.update(canonical, offset, length);
    digest.digest(out);
  }
}
