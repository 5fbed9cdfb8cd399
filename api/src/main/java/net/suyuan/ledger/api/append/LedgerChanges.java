package net.suyuan.ledger.api.append;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter this instance's appender bumps after every commit, so read-side caches on the same
 * instance can tell cheaply that the ledger changed. Appends by other instances do not show here:
 * caches must also expire by time (see docs/provenance.md).
 */
public final class LedgerChanges {
  private final AtomicLong version = new AtomicLong();

  /** Changes whenever this instance has committed entries since the last call. */
  public long version() {
    return version.get();
  }

  void committed() {
    version.incrementAndGet();
  }
}
