package net.suyuan.ledger.api.ledger;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter this instance's appender bumps after every commit, so read-side caches on the same
 * instance can tell cheaply that the ledger changed. Appends by other instances do not show here:
 * caches must also expire by time (see docs/provenance.md).
 */
public final class LedgerChanges {
  private final AtomicLong version = new AtomicLong();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** Changes whenever this instance has committed entries since the last call. */
  public long version() {
    return version.get();
  }

  /**
   * Runs {@code listener} after every local commit, on the appender's writer thread: it must only
   * signal (e.g. wake a projector), never block or do work.
   */
  public void onCommit(Runnable listener) {
    listeners.add(listener);
  }

  public void committed() {
    version.incrementAndGet();
    listeners.forEach(Runnable::run);
  }
}
