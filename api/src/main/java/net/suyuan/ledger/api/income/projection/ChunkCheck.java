package net.suyuan.ledger.api.income.projection;

import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.verify.ChainVerificationException;
import net.suyuan.ledger.core.verify.ChainVerifier;

/**
 * Verifies one chunk of a {@link ParsedScan} with core's {@link ChainVerifier} (the audit's checks:
 * canonical RFC 8785 bytes, a v1 entry, the next seq, prev = the hash before it, recomputed hash =
 * stored hash), starting from the stored hash of the row before the chunk, and reads the events of
 * the entries income depends on. Stateless apart from the algorithm; runs on the scan's pool.
 */
final class ChunkCheck {
  private final HashAlg alg;

  ChunkCheck(HashAlg alg) {
    this.alg = alg;
  }

  /**
   * Sets {@code chunk.read} to the entries that verified (and read, if {@code readEvents}), and the
   * failure after them.
   */
  void run(ParsedScan.Chunk chunk, boolean readEvents) {
    ChainVerifier verifier;
    try {
      verifier =
          chunk.beforeHash == null
              ? ChainVerifier.fromGenesis()
              : ChainVerifier.after(
                  new ChainHead(chunk.beforeSeq, new EntryHash(chunk.beforeHash)), alg);
    } catch (IllegalArgumentException e) { // a stored hash of the wrong length (DDL forbids it)
      fail(chunk, chunk.beforeSeq, "hash_mismatch", "stored hash: " + e.getMessage());
      return;
    }
    EntryEvents reader = new EntryEvents();
    for (; chunk.read < chunk.size; chunk.read++) {
      int i = chunk.read;
      long position = verifier.nextSeq();
      try {
        verifier.verify(chunk.bytes[i], 0, chunk.bytes[i].length, new EntryHash(chunk.hash[i]));
      } catch (ChainVerificationException e) {
        chunk.failure = ProjectionFailure.of(e.failure());
        return;
      } catch (IllegalArgumentException e) {
        fail(chunk, position, "hash_mismatch", "stored hash: " + e.getMessage());
        return;
      }
      if (chunk.seq[i] != position) { // the bytes verified, the row's seq column was changed
        fail(
            chunk,
            position,
            "seq_gap",
            "the entry says seq " + position + " but is stored as seq " + chunk.seq[i]);
        return;
      }
      if (position == 0 && verifier.alg().orElseThrow() != alg) {
        fail(chunk, 0, "invalid_entry", "genesis hashAlg differs from the ledger's " + alg.id());
        return;
      }
      if (readEvents && !read(chunk, reader, i)) {
        return;
      }
      chunk.bytes[i] = null;
    }
  }

  /** Reading only, for a pipeline that does not verify (tests of the reading alone). */
  static void readOnly(ParsedScan.Chunk chunk) {
    EntryEvents reader = new EntryEvents();
    for (; chunk.read < chunk.size; chunk.read++) {
      if (!read(chunk, reader, chunk.read)) {
        return;
      }
    }
  }

  private static boolean read(ParsedScan.Chunk chunk, EntryEvents reader, int i) {
    if (IncomeFeed.TYPES.contains(chunk.type[i])) {
      try {
        chunk.events[i] = reader.read(chunk.seq[i], chunk.type[i], chunk.bytes[i]);
      } catch (RuntimeException e) {
        chunk.failure =
            new ProjectionFailure(chunk.seq[i], ProjectionFailure.EVENT_REJECTED, e.getMessage());
        return false;
      }
    }
    chunk.bytes[i] = null; // read: the bytes are not needed any more
    return true;
  }

  private static void fail(ParsedScan.Chunk chunk, long seq, String kind, String detail) {
    chunk.failure = new ProjectionFailure(seq, kind, detail);
  }
}
