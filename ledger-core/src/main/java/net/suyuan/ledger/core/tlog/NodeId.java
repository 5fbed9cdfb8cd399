package net.suyuan.ledger.core.tlog;

/**
 * A perfect subtree of the log's Merkle tree: the node at {@code level} (0 = leaves) and position
 * {@code index} in that level, covering leaves {@code [index * 2^level, (index + 1) * 2^level)}.
 * These are the hashes a log stores (RFC 9162 §2.1.1 MTH of a power-of-two-sized, aligned range);
 * every other tree hash is computed from them.
 */
public record NodeId(int level, long index) {
  public NodeId {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("level must be in [0, 63], got " + level);
    }
    if (index < 0 || (level > 0 && index > (Long.MAX_VALUE >> level))) {
      throw new IllegalArgumentException("index out of range: " + index + " at level " + level);
    }
  }

  /** First leaf covered. */
  public long begin() {
    return index << level;
  }

  /** One past the last leaf covered. */
  public long end() {
    return (index + 1) << level;
  }
}
