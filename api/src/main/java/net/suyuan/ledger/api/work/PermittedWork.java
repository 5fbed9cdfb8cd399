package net.suyuan.ledger.api.work;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Blocking work (a full-table scan: the audit, the income replay check) on its own threads, at most
 * as many at once as a semaphore has permits; a request beyond them fails at once rather than
 * queueing. The permit goes back when the work ends, before its result is emitted, so a client that
 * has its answer can start again at once (released only when the Mono terminated, a quick second
 * request could find the permit still taken and get 503 with nothing running), and also when the
 * subscription ends before the work started; never twice.
 */
public final class PermittedWork {
  private PermittedWork() {}

  /**
   * {@code work} on {@code threads} if a permit is free, else the error {@code busy} gives.
   *
   * @param busy the error when every permit is taken (a 503 with Retry-After)
   */
  public static <T> Mono<T> run(
      Semaphore permits, Scheduler threads, Callable<T> work, Supplier<? extends Throwable> busy) {
    return Mono.defer(
        () -> {
          if (!permits.tryAcquire()) {
            return Mono.error(busy.get());
          }
          AtomicBoolean released = new AtomicBoolean();
          Runnable release =
              () -> {
                if (released.compareAndSet(false, true)) {
                  permits.release();
                }
              };
          return Mono.fromCallable(
                  () -> {
                    try {
                      return work.call();
                    } finally {
                      release.run();
                    }
                  })
              .subscribeOn(threads)
              .doFinally(signal -> release.run());
        });
  }
}
