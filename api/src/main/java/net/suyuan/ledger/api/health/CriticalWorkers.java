package net.suyuan.ledger.api.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The threads this instance cannot work without (the group-commit writer, the income projector).
 * When one dies, by an {@link Error} such as {@link OutOfMemoryError}, an exception nobody caught,
 * or by returning while it should still run, the instance is broken: {@link
 * CriticalWorkersHealthIndicator} turns liveness DOWN and {@link LivenessState#BROKEN} is
 * published, so an orchestrator restarts the instance instead of leaving it silently degraded
 * (issue 11 defect 1). A dead worker never comes back in the same instance: restarting a thread
 * after an OutOfMemoryError would hide the fault, not cure it.
 */
@Component
public class CriticalWorkers {
  private static final Logger log = LoggerFactory.getLogger(CriticalWorkers.class);

  private final ConcurrentMap<String, Worker> workers = new ConcurrentHashMap<>();
  private final ApplicationEventPublisher events;

  public CriticalWorkers(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** Registers (or returns the already registered) worker of that name. */
  public Worker register(String name) {
    return workers.computeIfAbsent(name, Worker::new);
  }

  /** Name → why it died, for every dead worker (sorted by name); empty while all are alive. */
  public Map<String, String> deaths() {
    Map<String, String> dead = new TreeMap<>();
    workers.values().forEach(w -> w.death().ifPresent(why -> dead.put(w.name, why)));
    return dead;
  }

  /** One critical thread's life: wrap its body with {@link #guard}, call {@link #stopping}. */
  public final class Worker {
    private final String name;
    private volatile boolean stopping;
    private volatile String death;

    private Worker(String name) {
      this.name = name;
    }

    /**
     * The body as a thread's run method: if it throws, or returns before {@link #stopping} was
     * called, the worker is dead; {@code onDeath} then runs (e.g. to answer the requests it held)
     * after the death is recorded, so nothing new is accepted while it cleans up.
     */
    public Runnable guard(Runnable body, Consumer<Throwable> onDeath) {
      return () -> {
        Throwable cause;
        try {
          body.run();
          if (stopping) {
            return;
          }
          cause = new IllegalStateException("the thread returned while it should still run");
        } catch (Throwable t) { // NOPMD: an Error must end the worker, visibly, not the JVM quietly
          cause = t;
        }
        died(cause);
        try {
          onDeath.accept(cause);
        } catch (Throwable t) { // e.g. still out of memory: the death is recorded already
          log.error("Critical worker {}: cleaning up after its death failed", name, t);
        }
      };
    }

    /** Called before the worker is asked to end, so its return is not a death. */
    public void stopping() {
      stopping = true;
    }

    /** False once the worker died. */
    public boolean alive() {
      return death == null;
    }

    java.util.Optional<String> death() {
      return java.util.Optional.ofNullable(death);
    }

    private void died(Throwable cause) {
      death =
          cause.getClass().getName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
      log.error("Critical worker {} died; the instance is no longer live", name, cause);
      AvailabilityChangeEvent.publish(events, CriticalWorkers.this, LivenessState.BROKEN);
    }
  }
}
