package net.suyuan.ledger.core.tlog;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import net.suyuan.ledger.core.hash.EntryHash;

/**
 * A 32-byte Merkle tree hash (RFC 9162 §2.1.1): a leaf hash, an interior node hash or a tree root.
 * The hash function is the ledger's (SHA-256, or SM3 for SM3 ledgers); both give 32 bytes.
 */
public record MerkleHash(byte[] bytes) {
  public static final int LENGTH = 32;

  public MerkleHash {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a Merkle hash has 32 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** A ledger entry hash is already the RFC 9162 leaf hash {@code H(0x00 || entry bytes)}. */
  public static MerkleHash ofLeaf(EntryHash entryHash) {
    return new MerkleHash(entryHash.bytes());
  }

  /**
   * Parses the standard base64 (RFC 4648 §4) form used by checkpoints and tlog-proofs.
   *
   * @throws LogFormatException unless the text is the canonical padded encoding of 32 bytes
   */
  public static MerkleHash fromBase64(String text) throws LogFormatException {
    return new MerkleHash(Base64Strict.decode(text, LENGTH, "hash"));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Package-private view without a copy, for the hashing hot path. Never modify. */
  byte[] raw() {
    return bytes;
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleHash other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
