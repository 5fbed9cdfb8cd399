package net.suyuan.ledger.api.income.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.suyuan.ledger.api.support.DeadWorkerProbes;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 1: the income projector thread died (out of memory) and health stayed UP while
 * the figures stopped moving. Its death now turns liveness DOWN, naming it. The thread stays dead,
 * so the context is discarded afterwards.
 */
@LedgerApiTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectorDeathTest {

  @Autowired WebTestClient http;
  @Autowired IncomeProjector projector;
  @Autowired ConfigurableApplicationContext context;

  @Test
  void projectorDeath_turnsLivenessDown() throws Exception {
    http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    CountDownLatch broken = new CountDownLatch(1);
    context.addApplicationListener(
        (ApplicationListener<AvailabilityChangeEvent<?>>)
            e -> {
              if (e.getState() == LivenessState.BROKEN) {
                broken.countDown();
              }
            });

    projector.injectFault(new OutOfMemoryError("simulated by ProjectorDeathTest"));

    assertThat(broken.await(30, TimeUnit.SECONDS)).as("liveness BROKEN published").isTrue();
    DeadWorkerProbes.expectDead(http, "incomeProjector", "OutOfMemoryError");
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
  }
}
