package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

// Its own ledger: tests sharing the default context replace ledger "main" with fixtures the income
// projection cannot apply, which rightly turns its health component (and so /actuator/health) DOWN.
@LedgerApiTest
@TestPropertySource(properties = "ledger.id=operations-test")
class OperationsEndpointsTest {

  @Autowired WebTestClient http;
  @LocalServerPort int port;

  /** An auditor's key (may see health details and metrics) and a seller's (may not). */
  private String auditorKey;

  private String sellerKey;

  @BeforeEach
  void keys() {
    if (auditorKey == null) {
      AdminClient orgs = new AdminClient(http);
      auditorKey = orgs.orgWithKey(AdminClient.uniqueOrgId("aud"), "auditor");
      sellerKey = orgs.orgWithKey(AdminClient.uniqueOrgId("sel"), "seller");
    }
  }

  private WebTestClient.ResponseSpec get(String uri, String key) {
    WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
    if (key != null) {
      spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return spec.exchange();
  }

  @Test
  void health_isPublic_withTheStatusOnly() {
    for (String uri :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      get(uri, null)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP")
          .jsonPath("$.components")
          .doesNotExist()
          .jsonPath("$.details")
          .doesNotExist();
    }
    get("/actuator/health", sellerKey).expectBody().jsonPath("$.components").doesNotExist();
  }

  @Test
  void healthDetails_needAnOperatorKey_andIncludeTheDatabase() {
    get("/actuator/health/details", null).expectStatus().isUnauthorized();
    get("/actuator/health/details", sellerKey).expectStatus().isForbidden();
    for (String key : List.of(auditorKey, LedgerApiTest.ADMIN_KEY)) {
      get("/actuator/health/details", key)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP")
          .jsonPath("$.components.r2dbc.status")
          .isEqualTo("UP");
    }
  }

  @Test
  void operatorEndpoints_cannotBeReachedByAnotherSpellingOfTheirPath() {
    // Spring routes these to the endpoints (path parameters dropped, segments decoded): the access
    // rule must judge the same path, else metrics and health details are public again.
    try (RawHttp raw = new RawHttp(port, 10_000)) {
      for (String uri :
          List.of(
              "/actuator;x=1/prometheus",
              "/%61ctuator/prometheus",
              "/actuator;x/health/details",
              "/actuator/prometheus;x=1",
              "//actuator/prometheus")) {
        assertThat(raw.get(uri).status()).as(uri).isIn(401, 404);
      }
    }
    try (RawHttp raw = new RawHttp(port, 10_000)) {
      assertThat(raw.get("/actuator;x=1/prometheus").status()).isEqualTo(401);
    }
  }

  @Test
  void healthComponents_areNotPublic() {
    get("/actuator/health/diskSpace", null).expectStatus().isUnauthorized();
  }

  @Test
  void prometheus_needsAnOperatorKey() {
    get("/actuator/prometheus", null)
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    get("/actuator/prometheus", sellerKey)
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    for (String key : List.of(auditorKey, LedgerApiTest.ADMIN_KEY)) {
      String body =
          get("/actuator/prometheus", key)
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(body).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }
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
