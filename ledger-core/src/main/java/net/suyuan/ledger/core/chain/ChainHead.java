package net.suyuan.ledger.core.chain;

import java.util.Objects;
import net.suyuan.ledger.core.hash.EntryHash;

/** The last entry of a chain, by seq and hash: what an auditor compares and a writer builds on. */
public record ChainHead(long seq, EntryHash hash) {
  public ChainHead {
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0: " + seq);
    }
    Objects.requireNonNull(hash, "hash");
  }
}
