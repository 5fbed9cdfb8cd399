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
  private byte[] prefixed = {LEAF_PREFIX};

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
    // One update over [0x00 | bytes] in a reused buffer: cheaper than a one-byte update first.
    if (prefixed.length < length + 1) {
      prefixed = new byte[Math.max(length + 1, prefixed.length * 2)];
      prefixed[0] = LEAF_PREFIX;
    }
    System.arraycopy(canonical, offset, prefixed, 1, length);
    digest.update(prefixed, 0, length + 1);
    digest.digest(out);
  }
}
