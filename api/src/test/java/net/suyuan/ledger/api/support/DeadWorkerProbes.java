package net.suyuan.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the health endpoints must say once a critical worker has died (CriticalWorkers). */
public final class DeadWorkerProbes {

  private DeadWorkerProbes() {}

  /**
   * Public probes show the status only: liveness (restart it) and readiness (no traffic) are DOWN.
   * The evidence, the worker and its cause, is for operators (an admin, auditor or social_org key).
   */
  public static void expectDead(WebTestClient http, String worker, String cause) {
    for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
      http.get()
          .uri(probe)
          .exchange()
          .expectStatus()
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("DOWN");
    }
    http.get()
        .uri("/actuator/health/details")
        .header("Authorization", "Bearer " + LedgerApiTest.ADMIN_KEY)
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectBody()
        .jsonPath("$.components.criticalWorkers.details." + worker)
        .value(why -> assertThat((String) why).contains(cause));
  }
}
