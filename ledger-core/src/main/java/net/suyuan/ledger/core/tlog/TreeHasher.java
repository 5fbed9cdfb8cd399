package net.suyuan.ledger.core.tlog;

import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * RFC 9162 §2.1.1 hashing over the ledger's hash function: leaf {@code H(0x00 || data)}, interior
 * node {@code H(0x01 || left || right)}, empty tree {@code H()}. SM3 ledgers use SM3 in place of
 * SHA-256 with the same prefixes and structure. Not thread-safe: one instance per thread.
 */
public final class TreeHasher {
  private final HashAlg alg;
  private final HashAlg.Digest digest;

  public TreeHasher(HashAlg alg) {
    this.alg = alg;
    this.digest = alg.newDigest();
  }

  public HashAlg alg() {
    return alg;
  }

  /** MTH({}) = H(), the root of the empty tree. */
  public MerkleHash emptyRoot() {
    byte[] out = new byte[MerkleHash.LENGTH];
    digest.digest(out);
    return new MerkleHash(out);
  }

  /** MTH({d}) = H(0x00 || d); equal to the ledger's entry hash of {@code d}. */
  public MerkleHash leaf(byte[] data) {
    digest.update(EntryHasher.LEAF_PREFIX);
    digest.update(data, 0, data.length);
    byte[] out = new byte[MerkleHash.LENGTH];
    digest.digest(out);
    return new MerkleHash(out);
  }

  /** H(0x01 || left || right). */
  public MerkleHash node(MerkleHash left, MerkleHash right) {
    digest.update(EntryHasher.NODE_PREFIX);
    digest.update(left.raw(), 0, MerkleHash.LENGTH);
    digest.update(right.raw(), 0, MerkleHash.LENGTH);
    byte[] out = new byte[MerkleHash.LENGTH];
    digest.digest(out);
    return new MerkleHash(out);
  }
}
