package net.suyuan.ledger.api.append;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.suyuan.ledger.api.append.AppendRejection.Kind;
import net.suyuan.ledger.api.health.CriticalWorkers;
import net.suyuan.ledger.api.ledger.LedgerChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.BadSqlGrammarException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Group commit: requests wait in a bounded queue; ONE writer thread per instance takes everything
 * queued (up to {@code maxGroupEvents} events) and commits it as one {@link GroupCommit}. Each
 * request's Mono completes only after that COMMIT, with its receipts or its own refusal; if the
 * transaction fails, every request of the group fails and nothing of it is visible. A full queue
 * answers at once with {@link Kind#UNAVAILABLE} (503 + Retry-After) instead of piling up.
 *
 * <p>After a group of at least {@code aheadMinEvents} events, the next group starts at once instead
 * of waiting for it: up to {@link #IN_FLIGHT} groups run, each in its own transaction. The next
 * group reads its rows and plans while the previous one writes, against the state that one will
 * leave, then waits on the ledger row lock like any other writer; it keeps its plan only if the
 * lock finds exactly the head the previous group left, and plans again under the lock otherwise
 * (another instance wrote, or the previous group failed). The lock, not this class, keeps the chain
 * serial (docs/storage.md, "Pipelined groups"). After a smaller group the next one waits: a short
 * write leaves nothing to overlap, and halving the groups would cost more than it saves.
 *
 * <p>The writer is a {@link CriticalWorkers critical worker}: if it dies (an {@link Error} such as
 * OutOfMemoryError, or any uncaught exception), liveness goes DOWN, every request it held or that
 * was queued is answered 503, and new requests are refused with 503 at once: never silence.
 */
public final class GroupCommitAppender implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitAppender.class);
  private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(30);

  /** Groups in flight at once: one writing, one waiting on the row lock with its requests. */
  static final int IN_FLIGHT = 2;

  private record Pending(AppendCommand command, CompletableFuture<AppendResult> result) {}

  private final GroupCommit commit;
  private final LedgerChanges changes;
  private final BlockingQueue<Pending> queue;
  private final int maxGroupEvents;
  private final int aheadMinEvents;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final CriticalWorkers.Worker worker;
  private List<Pending> assembling = List.of(); // the writer thread's alone
  private Pending carried; // the writer thread's alone
  private volatile Error injectedFault;
  private int lastGroupEvents; // the writer thread's alone
  private Sinks.One<GroupCommit.Basis> lastPlanned; // the writer thread's alone
  private volatile boolean running;
  private Thread writer;

  GroupCommitAppender(
      GroupCommit commit,
      LedgerChanges changes,
      int queueCapacity,
      int maxGroupEvents,
      int aheadMinEvents,
      CriticalWorkers.Worker worker) {
    this.commit = commit;
    this.worker = worker;
    this.changes = changes;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.maxGroupEvents = maxGroupEvents;
    this.aheadMinEvents = aheadMinEvents;
  }

  /** Queues the command; the Mono emits after its group committed. */
  Mono<AppendResult> append(AppendCommand command) {
    return Mono.defer(
        () -> {
          Pending p = new Pending(command, new CompletableFuture<>());
          if (!worker.alive()) {
            return Mono.error(writerDead());
          }
          if (!running || !queue.offer(p)) {
            return Mono.error(
                AppendRejection.of(
                    Kind.UNAVAILABLE, "request", "the append queue is full, retry shortly"));
          }
          if (!worker.alive() && queue.remove(p)) { // died between the check and the offer
            return Mono.error(writerDead());
          }
          // Hand the result to another thread: the writer must not serialize 32 HTTP responses
          // before it can start the next group.
          return Mono.fromFuture(p.result(), true).publishOn(Schedulers.parallel());
        });
  }

  private void loop() {
    while (running || !queue.isEmpty() || carried != null) {
      List<Pending> group = new ArrayList<>();
      assembling = group;
      boolean overlap;
      try {
        // A slot first, then the group: it takes everything that queued meanwhile. After a small
        // group, all slots: the next group waits until that one is done.
        overlap = lastGroupEvents >= aheadMinEvents;
        int slots = overlap ? 1 : IN_FLIGHT;
        if (!inFlight.tryAcquire(slots, 100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        inFlight.release(slots - 1);
        Pending first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
          inFlight.release();
          continue;
        }
        group.add(first);
        int events = first.command().events().size();
        Pending next;
        while ((next = queue.poll()) != null) {
          int size = next.command().events().size();
          if (events + size > maxGroupEvents) {
            carried = next; // starts the next group
            break;
          }
          group.add(next);
          events += size;
        }
      } catch (InterruptedException e) {
        if (!running) {
          continue;
        }
        Thread.currentThread().interrupt();
        return;
      }
      Error fault = injectedFault;
      if (fault != null) {
        injectedFault = null;
        throw fault;
      }
      lastGroupEvents = group.stream().mapToInt(p -> p.command().events().size()).sum();
      commitGroup(group, overlap);
      assembling = List.of();
    }
  }

  /**
   * The writer died (on its own thread, after {@link CriticalWorkers} recorded it): refuse new
   * requests and answer every request it held or that is queued with 503. Groups already handed to
   * the database complete on their own.
   */
  private void writerDied(Throwable cause) {
    running = false;
    // The group being assembled may already have been handed to the database, whose commit can
    // still succeed: those requests are told it is unknown (retry with the same Idempotency-Key,
    // which answers the original receipts if it was committed). Queued requests never started.
    List<Pending> held = new ArrayList<>(assembling);
    if (carried != null) {
      held.add(carried);
    }
    AppendRejection unknown =
        writerDead(
            "this request may or may not have been appended: retry with the same Idempotency-Key");
    held.forEach(p -> p.result().completeExceptionally(unknown));
    List<Pending> queued = new ArrayList<>();
    queue.drainTo(queued);
    AppendRejection nothing = writerDead("nothing was appended, retry on another instance");
    queued.forEach(p -> p.result().completeExceptionally(nothing));
  }

  private static AppendRejection writerDead() {
    return writerDead("nothing was appended, retry on another instance");
  }

  private static AppendRejection writerDead(String outcome) {
    return AppendRejection.of(
        Kind.UNAVAILABLE,
        "request",
        "the ledger writer of this instance has stopped (see /actuator/health/liveness); "
            + outcome);
  }

  /**
   * For tests: the writer throws {@code fault} after it has taken its next group, as if it had run
   * out of memory there, so that group and the queue are left for {@link #writerDied} to answer.
   */
  void injectFault(Error fault) {
    injectedFault = fault;
  }

  /**
   * Starts the group's transaction; the slot is released when it has committed or failed.
   *
   * @param overlap whether the previous group may still be running, so this one plans ahead
   */
  private void commitGroup(List<Pending> group, boolean overlap) {
    List<AppendCommand> commands = group.stream().map(Pending::command).toList();
    long start = System.nanoTime();
    Sinks.One<GroupCommit.Basis> planned = Sinks.one();
    // Plan ahead only over a group still running: after a small one, this one waited for it.
    Mono<GroupCommit.Basis> previous =
        overlap && lastPlanned != null ? lastPlanned.asMono() : Mono.empty();
    lastPlanned = planned;
    Mono<List<GroupOutcome>> run;
    try {
      run = commit.run(commands, previous, planned::tryEmitValue).timeout(GROUP_TIMEOUT);
    } catch (RuntimeException e) {
      planned.tryEmitEmpty();
      inFlight.release();
      fail(group, e);
      return;
    }
    run.doFinally(
            signal -> {
              planned.tryEmitEmpty(); // no-op once planned; else the next group plans locked
              inFlight.release();
            })
        .subscribe(
            outcomes -> {
              if (log.isDebugEnabled()) {
                log.debug(
                    "Committed group of {} requests in {} ms",
                    group.size(),
                    (System.nanoTime() - start) / 1_000_000);
              }
              completed(group, outcomes);
            },
            error ->
                fail(
                    group,
                    error instanceof RuntimeException e
                        ? e
                        : new IllegalStateException("commit group failed", error)));
  }

  private void completed(List<Pending> group, List<GroupOutcome> outcomes) {
    changes.committed();
    for (int i = 0; i < group.size(); i++) {
      switch (outcomes.get(i)) {
        case AppendResult r -> group.get(i).result().complete(r);
        case AppendRejection refused -> group.get(i).result().completeExceptionally(refused);
      }
    }
  }

  /**
   * The whole group failed and nothing of it was committed. Database trouble (connection lost,
   * timeouts, lock or serialization failures) is a 503 the client may retry with the same
   * Idempotency-Key; a constraint violation or anything else is a bug, logged, and a 500.
   */
  private static void fail(List<Pending> group, RuntimeException e) {
    boolean bug =
        e instanceof DataIntegrityViolationException
            || e instanceof BadSqlGrammarException
            || !(e instanceof DataAccessException || isTimeout(e));
    Throwable error;
    if (bug) {
      log.error("Commit group of {} requests failed, nothing appended", group.size(), e);
      error = e;
    } else {
      log.warn(
          "Commit group of {} requests failed, nothing appended: {}", group.size(), e.toString());
      error =
          AppendRejection.of(
              Kind.UNAVAILABLE, "request", "the ledger database is unavailable, retry shortly");
    }
    group.forEach(p -> p.result().completeExceptionally(error));
  }

  private static boolean isTimeout(Throwable e) {
    return e instanceof java.util.concurrent.TimeoutException
        || e.getCause() instanceof java.util.concurrent.TimeoutException;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    writer = new Thread(worker.guard(this::loop, this::writerDied), "ledger-group-commit");
    writer.setDaemon(true);
    writer.start();
  }

  /** Stops taking requests, commits what is queued, then ends the writer thread. */
  @Override
  public synchronized void stop() {
    worker.stopping();
    running = false;
    if (writer != null) {
      try {
        writer.join(GROUP_TIMEOUT.toMillis());
        // The last groups' transactions may still be running: wait for their outcomes.
        if (inFlight.tryAcquire(IN_FLIGHT, GROUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          inFlight.release(IN_FLIGHT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
