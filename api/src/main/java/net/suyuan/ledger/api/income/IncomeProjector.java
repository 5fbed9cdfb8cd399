package net.suyuan.ledger.api.income;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.suyuan.ledger.api.append.LedgerChanges;
import net.suyuan.ledger.api.append.LedgerInfo;
import net.suyuan.ledger.api.health.CriticalWorkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the income tables following the committed ledger, exactly (docs/income.md, "Projection").
 * One thread per instance. Each step is ONE transaction: lock the watermark row (FOR UPDATE, so
 * instances take turns), catch the in-memory {@link IncomeFeed} up to the watermark if another
 * instance moved it (applying without writing), read the next committed entries after it (at most
 * {@code ledger.income.batch-entries}, seq order), apply them, write their lines, products and
 * rollup deltas and the new watermark, commit. Lines and watermark commit together, so an entry is
 * never counted twice nor missed. Any failure drops the in-memory state; the next run rebuilds it
 * by replaying from seq 0 (as at start-up) and carries on from the watermark.
 *
 * <p>It runs after every local commit ({@link LedgerChanges}) and every {@code
 * ledger.income.poll-interval} (default 500 ms) for other instances' appends.
 *
 * <p>The thread is a {@link CriticalWorkers critical worker}: a failed step is retried (above), but
 * if the thread itself dies (an {@link Error} such as OutOfMemoryError) liveness goes DOWN so the
 * instance is restarted, instead of serving income figures that silently stopped moving.
 */
@Component
public class IncomeProjector implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(IncomeProjector.class);
  private static final int FETCH_SIZE = 5000;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final IncomeJdbc jdbc;
  private final String ledgerId;
  private final Duration poll;
  private final int batchEntries;
  private final boolean enabled;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private volatile long watermark = -1;
  private Thread thread;
  private IncomeFeed feed; // null: rebuild by replay before the next step
  private Connection connection;
  private final CriticalWorkers.Worker worker;
  private volatile Error injectedFault;

  IncomeProjector(
      IncomeJdbc jdbc,
      LedgerInfo ledger,
      LedgerChanges changes,
      @Value("${ledger.income.poll-interval:500ms}") Duration poll,
      @Value("${ledger.income.batch-entries:5000}") int batchEntries,
      @Value("${ledger.income.projector-enabled:true}") boolean enabled,
      CriticalWorkers workers) {
    if (batchEntries < 1) {
      throw new IllegalArgumentException("ledger.income.batch-entries must be >= 1");
    }
    this.jdbc = jdbc;
    this.ledgerId = ledger.ledgerId();
    this.poll = poll;
    this.batchEntries = batchEntries;
    this.enabled = enabled;
    this.worker = workers.register("incomeProjector");
    changes.onCommit(this::wake);
  }

  /** Asks for a step soon; cheap, callable from any thread. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** The watermark this instance last committed or saw, -1 before the first. */
  public long watermark() {
    return watermark;
  }

  /** Waits until the watermark reaches {@code seq}; false on timeout. */
  public boolean awaitWatermark(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (watermark < seq) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      wake();
      Thread.sleep(20);
    }
    return true;
  }

  private void loop() {
    int failures = 0;
    while (running) {
      Error fault = injectedFault;
      if (fault != null) {
        injectedFault = null;
        throw fault;
      }
      try {
        if (feed == null) {
          rebuild();
        }
        while (running && step()) {
          // a full batch: more may be waiting
        }
        failures = 0;
      } catch (Exception e) {
        failures++;
        log.warn("Income projection failed; state dropped, rebuilding by replay next run", e);
        feed = null;
        close();
        sleep(backoff(failures));
        continue;
      }
      try {
        wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    close();
  }

  /** For tests: the thread throws {@code fault} at its next step, as if it ran out of memory. */
  void injectFault(Error fault) {
    injectedFault = fault;
    wake();
  }

  /** Replays the ledger up to the committed watermark into a fresh feed; writes nothing. */
  private void rebuild() throws SQLException {
    long start = System.nanoTime();
    IncomeFeed fresh = new IncomeFeed();
    Connection c = connection();
    long target = IncomeTables.watermark(c, ledgerId);
    log.info("Income projection: rebuilding state by replay of seq 0..{}", target);
    long[] count = {0};
    ParsedScan.scan(
        c,
        ledgerId,
        -1,
        target,
        Long.MAX_VALUE,
        FETCH_SIZE,
        (seq, type, actor, event) -> {
          fresh.applyEvent(seq, type, actor, event, null);
          if (++count[0] % 200_000 == 0) {
            log.info("Income projection: replayed {} of {} entries", count[0], target + 1);
          }
        });
    c.commit();
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    log.info(
        "Income projection: state rebuilt from {} entries in {} ms ({} entries/s)",
        count[0],
        (long) (seconds * 1000),
        (long) (count[0] / seconds));
    feed = fresh;
    watermark = Math.max(watermark, target);
  }

  /** One transaction; true if it wrote a full batch (more may follow). */
  private boolean step() throws SQLException {
    Connection c = connection();
    try {
      long w = IncomeTables.lockWatermark(c, ledgerId);
      if (w < feed.lastSeq()) {
        throw new IllegalStateException(
            "watermark " + w + " is behind the projection's state at " + feed.lastSeq());
      }
      if (w > feed.lastSeq()) { // another instance moved it: catch up without writing
        ParsedScan.scan(
            c,
            ledgerId,
            feed.lastSeq(),
            w,
            Long.MAX_VALUE,
            FETCH_SIZE,
            (seq, type, actor, event) -> feed.applyEvent(seq, type, actor, event, null));
      }
      IncomeBatch batch = new IncomeBatch(w);
      long last =
          ParsedScan.scan(
              c,
              ledgerId,
              w,
              Long.MAX_VALUE,
              batchEntries,
              FETCH_SIZE,
              (seq, type, actor, event) ->
                  batch.add(seq, feed.applyEvent(seq, type, actor, event, batch.rollups)));
      if (last > w) {
        IncomeTables.write(c, ledgerId, batch);
      }
      c.commit();
      watermark = last;
      return last - w >= batchEntries;
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the connection is closed by the caller's recovery
      }
      throw e;
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = jdbc.connect();
    }
    return connection;
  }

  private void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing to do: the connection is gone either way
      }
      connection = null;
    }
  }

  private Duration backoff(int failures) {
    Duration d = poll.multipliedBy(1L << Math.min(failures, 10));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public synchronized void start() {
    if (running || !enabled) {
      return;
    }
    running = true;
    thread = new Thread(worker.guard(this::loop, cause -> close()), "ledger-income-projector");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    worker.stopping();
    running = false;
    if (thread != null) {
      wake();
      try {
        thread.join(MAX_BACKOFF.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
