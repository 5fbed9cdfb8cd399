package net.suyuan.ledger.api.append;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
import reactor.core.scheduler.Schedulers;

/**
 * Group commit: requests wait in a bounded queue; ONE writer thread per instance takes everything
 * queued (up to {@code maxGroupEvents} events) and commits it as one {@link GroupCommit}. Each
 * request's Mono completes only after that COMMIT, with its receipts or its own refusal; if the
 * transaction fails, every request of the group fails and nothing of it is visible. A full queue
 * answers at once with {@link Kind#UNAVAILABLE} (503 + Retry-After) instead of piling up.
 *
 * <p>One group at a time: the writer waits for a group's COMMIT (or failure) before it takes the
 * next, which then holds everything that queued meanwhile. The ledger row lock that {@link
 * GroupCommit} takes keeps the chain serial across instances (docs/storage.md, "Group commit").
 *
 * <p>The writer is a {@link CriticalWorkers critical worker}: if it dies (an {@link Error} such as
 * OutOfMemoryError, or any uncaught exception), liveness goes DOWN, every request it held or that
 * was queued is answered 503, and new requests are refused with 503 at once: never silence.
 */
public final class GroupCommitAppender implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitAppender.class);
  private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(30);

  private record Pending(AppendCommand command, CompletableFuture<AppendResult> result) {}

  private final GroupCommit commit;
  private final LedgerChanges changes;
  private final BlockingQueue<Pending> queue;
  private final int maxGroupEvents;
  private final CriticalWorkers.Worker worker;
  private List<Pending> assembling = List.of(); // the writer thread's alone
  private Pending carried; // the writer thread's alone
  private volatile Error injectedFault;
  private volatile boolean running;
  private Thread writer;

  GroupCommitAppender(
      GroupCommit commit,
      LedgerChanges changes,
      int queueCapacity,
      int maxGroupEvents,
      CriticalWorkers.Worker worker) {
    this.commit = commit;
    this.worker = worker;
    this.changes = changes;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.maxGroupEvents = maxGroupEvents;
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
      try {
        Pending first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
        carried = null;
        if (first == null) {
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
      commitGroup(group);
      assembling = List.of();
    }
  }

  /**
   * The writer died (on its own thread, after {@link CriticalWorkers} recorded it): refuse new
   * requests and answer every request it held or that is queued with 503.
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

  /** Runs the group's transaction and answers its requests once it has committed or failed. */
  private void commitGroup(List<Pending> group) {
    List<AppendCommand> commands = group.stream().map(Pending::command).toList();
    long start = System.nanoTime();
    List<GroupOutcome> outcomes;
    try {
      // The timeout cancels the transaction, which rolls it back.
      outcomes = commit.run(commands).timeout(GROUP_TIMEOUT).block();
    } catch (RuntimeException e) {
      fail(group, e);
      return;
    }
    if (log.isDebugEnabled()) {
      log.debug(
          "Committed group of {} requests in {} ms",
          group.size(),
          (System.nanoTime() - start) / 1_000_000);
    }
    completed(group, outcomes);
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
