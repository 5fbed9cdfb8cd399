package net.suyuan.ledger.core.chain;

import java.nio.ByteBuffer;
import java.util.Objects;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;

/** An entry with its canonical bytes and its hash {@code H(0x00 || canonical)}: ready to store. */
public record SealedEntry(Entry entry, byte[] canonical, EntryHash hash) {
  public SealedEntry {
    Objects.requireNonNull(entry, "entry");
    canonical = canonical.clone();
    Objects.requireNonNull(hash, "hash");
  }

  /** Canonicalizes and hashes an entry. */
  public static SealedEntry seal(Entry entry, HashAlg alg) {
    return seal(entry, new EntryHasher(alg));
  }

  /** Canonicalizes and hashes an entry with a hasher the caller reuses (one per thread). */
  public static SealedEntry seal(Entry entry, EntryHasher hasher) {
    byte[] canonical = entry.canonicalBytes();
    return new SealedEntry(entry, canonical, hasher.hash(canonical));
  }

  /** As {@link #seal(Entry, EntryHasher)}, with the body canonicalized already ({@code body}). */
  static SealedEntry seal(Entry entry, CanonicalBody body, EntryHasher hasher) {
    if (entry.body() != body.body()) {
      throw new IllegalArgumentException("the canonical body is not the entry's body");
    }
    byte[] canonical = entry.canonicalBytes(body.bytes());
    return new SealedEntry(entry, canonical, hasher.hash(canonical));
  }

  @Override
  public byte[] canonical() {
    return canonical.clone();
  }

  /** Length of the canonical bytes, without copying them. */
  public int canonicalLength() {
    return canonical.length;
  }

  /** Puts the canonical bytes into {@code out} at its position, without an intermediate copy. */
  public void canonicalInto(ByteBuffer out) {
    out.put(canonical);
  }

  public long seq() {
    return entry.seq();
  }

  public ChainHead head() {
    return new ChainHead(entry.seq(), hash);
  }
}
