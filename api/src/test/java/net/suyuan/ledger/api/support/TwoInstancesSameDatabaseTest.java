package net.suyuan.ledger.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Two API instances on one fresh database: the set-up later concurrency tests build on. */
@Tag("integration")
class TwoInstancesSameDatabaseTest {

  @Test
  void twoContexts_shareOneFreshDatabase() {
    TestDatabase db = TestDatabases.fresh();
    String admin = "--LEDGER_ADMIN_KEY=" + LedgerApiTest.ADMIN_KEY;
    try (ConfigurableApplicationContext a = LedgerApps.start(db, admin);
        ConfigurableApplicationContext b = LedgerApps.start(db, admin)) {
      assertThat(LedgerApps.port(a)).isNotEqualTo(LedgerApps.port(b));
      WebTestClient httpA = LedgerApps.client(a);
      WebTestClient httpB = LedgerApps.client(b);

      httpA
          .post()
          .uri("/api/v1/orgs")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
          .bodyValue(Map.of("orgId", "shared-coop", "name", "Shared", "role", "cooperative"))
          .exchange()
          .expectStatus()
          .isCreated();

      httpB
          .get()
          .uri("/api/v1/orgs")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.orgs[?(@.orgId == 'shared-coop')]")
          .exists();
    }
  }
}
