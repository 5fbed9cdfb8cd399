package net.suyuan.ledger.core.chain;

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
    byte[] canonical = entry.canonicalBytes();
    return new SealedEntry(entry, canonical, new EntryHasher(alg).hash(canonical));
  }

  @Override
  public byte[] canonical() {
    return canonical.clone();
  }

  public long seq() {
    return entry.seq();
  }

  public ChainHead head() {
    return new ChainHead(entry.seq(), hash);
  }
}
