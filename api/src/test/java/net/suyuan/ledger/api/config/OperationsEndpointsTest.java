package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

// Its own ledger: tests sharing the default context replace ledger "main" with fixtures the income
// projection cannot apply, which rightly turns its health component (and so /actuator/health) DOWN.
@LedgerApiTest
@TestPropertySource(properties = "ledger.id=operations-test")
class OperationsEndpointsTest {

  @Autowired WebTestClient http;

  @Test
  void health_isUp_includingTheDatabase() {
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.r2dbc.status")
        .isEqualTo("UP");
  }

  @Test
  void prometheus_exposesMetrics() {
    String body =
        http.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(body).contains("jvm_memory_used_bytes").contains("http_server_requests");
  }

  @Test
  void info_responds() {
    http.get()
        .uri("/actuator/info")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.app.name")
        .isEqualTo("ledger-api");
  }

  @Test
  void openApi_describesTheApi() {
    http.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.openapi")
        .exists()
        .jsonPath("$.paths['/api/v1/orgs']")
        .exists()
        .jsonPath("$.paths['/api/v1/households/{householdId}/profile']")
        .exists();
  }

  @Test
  void swaggerUi_isServed() {
    http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
  }
}
