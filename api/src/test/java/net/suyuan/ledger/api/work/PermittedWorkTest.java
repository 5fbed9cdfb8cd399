package net.suyuan.ledger.api.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import net.suyuan.ledger.api.config.JdbcProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

class PermittedWorkTest {
  private final Scheduler threads = Schedulers.newSingle("permitted-work-test");

  @AfterEach
  void stop() {
    threads.dispose();
  }

  @Test
  void permitIsBack_beforeTheResultIsEmitted() {
    Semaphore permits = new Semaphore(1);
    String result =
        PermittedWork.run(permits, threads, () -> "done", IllegalStateException::new)
            .doOnNext(r -> assertThat(permits.availablePermits()).isEqualTo(1))
            .block(Duration.ofSeconds(10));
    assertThat(result).isEqualTo("done");
    assertThat(permits.availablePermits()).isEqualTo(1);
  }

  @Test
  void noPermit_failsAtOnce_withTheBusyError_andRunsNothing() {
    Semaphore permits = new Semaphore(0);
    AtomicInteger ran = new AtomicInteger();
    assertThatThrownBy(
            () ->
                PermittedWork.run(
                        permits,
                        threads,
                        ran::incrementAndGet,
                        () -> new IllegalStateException("busy"))
                    .block(Duration.ofSeconds(10)))
        .hasMessage("busy");
    assertThat(ran).hasValue(0);
    assertThat(permits.availablePermits()).isZero();
  }

  @Test
  void failingWork_givesThePermitBack_once() {
    Semaphore permits = new Semaphore(1);
    assertThatThrownBy(
            () ->
                PermittedWork.run(
                        permits,
                        threads,
                        () -> {
                          throw new IllegalArgumentException("scan failed");
                        },
                        IllegalStateException::new)
                    .block(Duration.ofSeconds(10)))
        .hasMessageContaining("scan failed");
    assertThat(permits.availablePermits()).isEqualTo(1);
  }

  @Test
  void cancelledBeforeTheWorkStarted_givesThePermitBack_once() {
    Semaphore permits = new Semaphore(1);
    Scheduler never = Schedulers.fromExecutor(task -> {}); // takes the work, never runs it
    Disposable d =
        PermittedWork.run(permits, never, () -> "never", IllegalStateException::new).subscribe();
    assertThat(permits.availablePermits()).isZero();
    d.dispose();
    assertThat(permits.availablePermits()).isEqualTo(1);
    never.dispose();
  }

  @Test
  void audits_stayWithinTheJdbcPool_besideTheIncomeWork() {
    JdbcProperties smallest = new JdbcProperties(4, Duration.ofSeconds(5));
    JdbcProperties standard = new JdbcProperties(10, Duration.ofSeconds(5));
    assertThat(smallest.maxAudits(64)).isEqualTo(1);
    assertThat(standard.maxAudits(2)).isEqualTo(1);
    assertThat(standard.maxAudits(8)).isEqualTo(4);
    assertThat(standard.maxAudits(64)).isEqualTo(10 - JdbcProperties.RESERVED_FOR_INCOME);
  }
}
