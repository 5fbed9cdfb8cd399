package net.suyuan.ledger.api.income.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.suyuan.ledger.api.health.CriticalWorkers;
import net.suyuan.ledger.api.income.IncomeProperties;
import net.suyuan.ledger.api.income.projection.ChainRows.Watermark;
import net.suyuan.ledger.api.ledger.LedgerChanges;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.HashAlg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the income tables following the committed, verified ledger (docs/income.md, "Projection").
 * One thread per instance. Each step is ONE transaction: lock the watermark row (FOR UPDATE, so
 * instances take turns), catch the in-memory {@link IncomeFeed} up to the watermark if another
 * instance moved it (applying without writing), read and verify the next entries after it ({@link
 * ParsedScan}: at most {@code ledger.income.batch-entries}, each vouched for by the next entry or
 * the ledger head), apply them, write their lines, products and rollup deltas and the new watermark
 * with the hash of its entry, commit. Lines and watermark commit together, so an entry is never
 * counted twice nor missed.
 *
 * <p>At an entry that fails (the chain is broken there, income cannot apply it, or PostgreSQL
 * refuses its lines) the projection stops after the entries before it and says so ({@link
 * #status()}: health, metrics, every income response). It then waits with a bounded exponential
 * back-off, and before each retry compares the stored rows the failure depends on ({@link
 * ChainRows#probe}): while they are unchanged nothing is replayed, since the same entries fail the
 * same way. A failure with no entry at fault (the database) drops the in-memory state; the next run
 * rebuilds it by a verified replay from seq 0 up to the watermark.
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

  private enum Step {
    MORE,
    DONE,
    REBUILD,
    FAILED
  }

  private final IncomeJdbc jdbc;
  private final String ledgerId;
  private final HashAlg alg;
  private final Duration poll;
  private final Duration maxBackoff;
  private final int batchEntries;
  private final boolean enabled;
  private final Clock clock = Clock.systemUTC();
  private final Semaphore wake = new Semaphore(0);
  private final Object pause = new Object(); // back-off waits here; stop() ends them
  private final Object published = new Object(); // status waiters
  private volatile boolean running;
  private volatile ProjectionStatus status;
  private final AtomicLong rebuilds = new AtomicLong();
  private Thread thread;
  private Connection connection;
  private final CriticalWorkers.Worker worker;
  private volatile Error injectedFault;
  private IncomeFeed feed; // null: rebuild by replay before the next step
  private ChainHead fed; // the last entry applied to feed, verified; null before the genesis
  private String stuckProbe; // non-null: a failure at stuckAt, and what its rows looked like
  private long stuckAt;
  private long oneByOneUntil = -1; // step one entry at a time while the watermark is below this

  IncomeProjector(
      IncomeJdbc jdbc,
      LedgerInfo ledger,
      LedgerChanges changes,
      IncomeProperties properties,
      CriticalWorkers workers) {
    this.jdbc = jdbc;
    this.ledgerId = ledger.ledgerId();
    this.alg = ledger.alg();
    this.poll = properties.pollInterval();
    this.maxBackoff = properties.maxBackoff();
    this.batchEntries = properties.batchEntries();
    this.enabled = properties.projectorEnabled();
    this.status = enabled ? ProjectionStatus.STARTING : ProjectionStatus.DISABLED;
    this.worker = workers.register("incomeProjector");
    changes.onCommit(this::wake);
  }

  /** Asks for a step soon; cheap, callable from any thread. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** What the projection last knew: how far it is, how far the ledger is, and what stops it. */
  public ProjectionStatus status() {
    return status;
  }

  /** Replays of the ledger from seq 0 this instance has run (start-up, recovery, reset). */
  public long rebuilds() {
    return rebuilds.get();
  }

  /** The watermark this instance last committed or saw, -1 before the first. */
  public long watermark() {
    return status.appliedSeq();
  }

  /** Waits until the watermark reaches {@code seq}; false on timeout. */
  public boolean awaitWatermark(long seq, Duration timeout) throws InterruptedException {
    return awaitStatus(s -> s.appliedSeq() >= seq, timeout);
  }

  /** Waits until the published status satisfies {@code condition}; false on timeout. */
  public boolean awaitStatus(Predicate<ProjectionStatus> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (published) {
      while (!condition.test(status)) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        wake();
        published.wait(Math.min(left, poll.toMillis()));
      }
      return true;
    }
  }

  private void publish(ProjectionStatus s) {
    synchronized (published) {
      status = s;
      published.notifyAll();
    }
  }

  private void loop() {
    int failures = 0;
    while (running) {
      Error fault = injectedFault;
      if (fault != null) {
        injectedFault = null;
        throw fault;
      }
      boolean ok;
      try {
        ok = attempt();
      } catch (Exception e) {
        ok = false;
        log.warn("Income projection failed; state dropped, rebuilding by replay next run", e);
        feed = null;
        close();
        publish(
            status.failing(
                new ProjectionFailure(null, ProjectionFailure.DATABASE, String.valueOf(e)),
                status.headSeq(),
                clock.instant()));
      }
      if (!ok) {
        failures++;
        pause(backoff(failures));
        continue;
      }
      failures = 0;
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

  /** Steps until the projection has caught up; false if it failed (status says why). */
  private boolean attempt() throws SQLException {
    if (stuckProbe != null) {
      Connection c = connection();
      String now = ChainRows.probe(c, ledgerId, stuckAt);
      c.commit();
      if (now.equals(stuckProbe)) {
        publish(status.failing(status.failure(), status.headSeq(), clock.instant()));
        return false;
      }
      log.info("Income projection: the entries around seq {} changed; retrying", stuckAt);
      stuckProbe = null;
    }
    if (feed == null && !rebuild()) {
      return false;
    }
    while (running) {
      switch (step()) {
        case MORE -> {}
        case DONE -> {
          return true;
        }
        case REBUILD -> {
          if (!rebuild()) {
            return false;
          }
        }
        case FAILED -> {
          return false;
        }
      }
    }
    return true;
  }

  /** Replays the verified ledger up to the watermark into a fresh feed; writes nothing. */
  private boolean rebuild() throws SQLException {
    rebuilds.incrementAndGet();
    long start = System.nanoTime();
    IncomeFeed fresh = new IncomeFeed();
    Connection c = connection();
    Watermark w = ChainRows.watermark(c, ledgerId);
    ChainHead head = ChainRows.ledgerHead(c, ledgerId);
    log.info("Income projection: rebuilding state by verified replay of seq 0..{}", w.seq());
    long[] count = {0};
    ParsedScan.End end =
        ParsedScan.scan(
            c,
            ledgerId,
            null,
            alg,
            head,
            w.seq(),
            Long.MAX_VALUE,
            FETCH_SIZE,
            (seq, type, actor, event) -> {
              fresh.applyEvent(seq, type, actor, event, null);
              if (++count[0] % 200_000 == 0) {
                log.info("Income projection: replayed {} of {} entries", count[0], w.seq() + 1);
              }
            });
    c.commit();
    ProjectionFailure failure = w.reachedBy(end);
    if (failure != null) {
      stuck(c, failure, head.seq(), "the verified replay up to the watermark " + w.seq());
      return false;
    }
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    log.info(
        "Income projection: state rebuilt from {} entries in {} ms ({} entries/s)",
        count[0],
        (long) (seconds * 1000),
        (long) (count[0] / seconds));
    feed = fresh;
    fed = end.delivered();
    publish(status.applied(w.seq(), w.hex(), head.seq()));
    return true;
  }

  /** One transaction. */
  private Step step() throws SQLException {
    Connection c = connection();
    try {
      Watermark w = ChainRows.lockWatermark(c, ledgerId);
      if (w.seq() < feed.lastSeq()) {
        c.rollback();
        log.info(
            "Income projection: the watermark is {}, behind this state at {} (the income tables"
                + " were reset); rebuilding",
            w.seq(),
            feed.lastSeq());
        feed = null;
        return Step.REBUILD;
      }
      ChainHead head = ChainRows.ledgerHead(c, ledgerId);
      if (w.seq() > feed.lastSeq()) { // another instance moved it: catch up without writing
        IncomeFeed catching = feed;
        ParsedScan.End end =
            ParsedScan.scan(
                c,
                ledgerId,
                fed,
                alg,
                head,
                w.seq(),
                Long.MAX_VALUE,
                FETCH_SIZE,
                (seq, type, actor, event) -> catching.applyEvent(seq, type, actor, event, null));
        ProjectionFailure failure = w.reachedBy(end);
        if (failure != null) {
          c.rollback();
          feed = null;
          return stuck(c, failure, head.seq(), "catching up to the watermark " + w.seq());
        }
        fed = end.delivered();
      }
      IncomeBatch batch = new IncomeBatch(w.seq());
      IncomeFeed applying = feed;
      long limit = w.seq() < oneByOneUntil ? 1 : batchEntries;
      ParsedScan.End end =
          ParsedScan.scan(
              c,
              ledgerId,
              fed,
              alg,
              head,
              Long.MAX_VALUE,
              limit,
              FETCH_SIZE,
              (seq, type, actor, event) ->
                  batch.add(seq, applying.applyEvent(seq, type, actor, event, batch.rollups)));
      ProjectionFailure failure = end.failure();
      if (end.visitorFailed()) { // the feed (and the batch's deltas) may hold part of the entry
        c.rollback();
        feed = null;
        if (batch.toSeq > w.seq()) { // write the entries before it, one step each
          oneByOneUntil = failure.seq();
          return Step.REBUILD;
        }
        return stuck(c, failure, head.seq(), "applying");
      }
      if (batch.toSeq > w.seq()) {
        batch.toHash = end.delivered().hash().bytes();
        SQLException refused = write(c, batch, ledgerId);
        if (refused != null) {
          feed = null;
          if (batch.toSeq > w.seq() + 1) { // which entry? write them one a step to find it
            oneByOneUntil = batch.toSeq;
            return Step.REBUILD;
          }
          return stuck(
              c,
              new ProjectionFailure(
                  batch.toSeq,
                  ProjectionFailure.STORE_REFUSED,
                  "PostgreSQL refused the income lines of entry "
                      + batch.toSeq
                      + ": "
                      + refused.getMessage()),
              head.seq(),
              "writing");
        }
        fed = end.delivered();
      } else {
        c.commit();
      }
      publish(
          status.applied(
              batch.toSeq,
              end.delivered() == null ? null : end.delivered().hash().hex(),
              head.seq()));
      if (failure != null) {
        return stuck(c, failure, head.seq(), "verifying");
      }
      return batch.toSeq - w.seq() >= limit && batch.toSeq < head.seq() ? Step.MORE : Step.DONE;
    } catch (SQLException | RuntimeException e) {
      rollback(c);
      throw e;
    }
  }

  /**
   * Writes and commits the batch; returns (after rolling back) the exception if PostgreSQL refused
   * its data (SQLSTATE class 22 or 23: a timestamp or a sum out of range), null when written.
   */
  private static SQLException write(Connection c, IncomeBatch batch, String ledgerId)
      throws SQLException {
    try {
      IncomeTables.write(c, ledgerId, batch);
      c.commit();
      return null;
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (state == null || !(state.startsWith("22") || state.startsWith("23"))) {
        throw e;
      }
      rollback(c);
      return e;
    }
  }

  /**
   * Records a failure at an entry: logged once (then at each changed failure), published, and the
   * probe of its rows kept so retries replay nothing while they stay the same.
   */
  private Step stuck(Connection c, ProjectionFailure f, long headSeq, String what)
      throws SQLException {
    if (!f.equals(status.failure())) {
      log.warn("Income projection stopped ({}): {}", what, f);
    }
    if (f.seq() != null) {
      stuckAt = f.seq();
      stuckProbe = ChainRows.probe(c, ledgerId, stuckAt);
      c.commit();
    }
    publish(status.failing(f, headSeq, clock.instant()));
    return Step.FAILED;
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      connection = jdbc.connect();
    }
    return connection;
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed by the caller's recovery
    }
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

  /** poll × 2^failures, at most {@code ledger.income.max-backoff}. */
  private Duration backoff(int failures) {
    Duration d = poll.multipliedBy(1L << Math.min(failures, 20));
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  private void pause(Duration d) {
    synchronized (pause) {
      if (!running) {
        return;
      }
      try {
        pause.wait(Math.max(1, d.toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
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
      synchronized (pause) {
        pause.notifyAll();
      }
      try {
        thread.join(Math.max(maxBackoff.toMillis(), 30_000));
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
