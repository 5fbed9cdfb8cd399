package net.suyuan.ledger.api.income.replay;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.suyuan.ledger.api.income.projection.IncomeFeed;
import net.suyuan.ledger.api.income.projection.Rollups;

/**
 * Adds a replay's lines to its household and revenue rollups ({@link Rollups#add}) on a second
 * thread, in batches, so the replay check's one applying thread does not also carry three million
 * map updates. Only that thread touches those maps until {@link #finish}; the program maps, which
 * the feed fills on the applying thread, are other objects. Sums do not depend on order. At most a
 * few batches wait, so memory stays bounded if the second thread falls behind.
 */
final class RollupsAside implements AutoCloseable {
  private static final int BATCH = 2048;
  private static final int MAX_WAITING = 4;

  private final Rollups totals;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ledger-income-replay-rollups");
            t.setDaemon(true);
            return t;
          });
  private final ArrayDeque<Future<?>> waiting = new ArrayDeque<>();
  private List<IncomeFeed.Applied> batch = new ArrayList<>(BATCH);

  RollupsAside(Rollups totals) {
    this.totals = totals;
  }

  void add(IncomeFeed.Applied applied) {
    if (applied.lines().isEmpty() && applied.revenue().isEmpty()) {
      return;
    }
    batch.add(applied);
    if (batch.size() == BATCH) {
      submit();
    }
  }

  /** Waits until every line added is in the rollups; rethrows what the second thread threw. */
  void finish() {
    submit();
    while (!waiting.isEmpty()) {
      await(waiting.poll());
    }
  }

  private void submit() {
    if (batch.isEmpty()) {
      return;
    }
    List<IncomeFeed.Applied> lines = batch;
    batch = new ArrayList<>(BATCH);
    waiting.add(
        thread.submit(
            () -> {
              for (IncomeFeed.Applied a : lines) {
                a.lines().forEach(totals::add);
                a.revenue().forEach(totals::add);
              }
            }));
    while (waiting.size() > MAX_WAITING) {
      await(waiting.poll());
    }
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding up the replay", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
