package net.suyuan.ledger.api.income.replay;

import java.util.concurrent.Semaphore;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.work.PermittedWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/v1/income/replay}: social organizations and auditors (auth.AccessRules) ask for
 * a full replay of the ledger compared with the live income tables ({@link IncomeReplay}). One at a
 * time per instance, on its own thread; a second request meanwhile is 503 with Retry-After.
 */
@RestController
class ReplayController implements DisposableBean {
  private final IncomeReplay replay;
  private final Semaphore running = new Semaphore(1);
  private final Scheduler thread = Schedulers.newBoundedElastic(1, 1, "ledger-income-replay");

  ReplayController(IncomeReplay replay) {
    this.replay = replay;
  }

  @PostMapping("/api/v1/income/replay")
  Mono<ReplayReport> replay() {
    return PermittedWork.run(
        running,
        thread,
        replay::check,
        () -> Problems.unavailable("a replay check is already running", 10));
  }

  @Override
  public void destroy() {
    thread.dispose();
  }
}
