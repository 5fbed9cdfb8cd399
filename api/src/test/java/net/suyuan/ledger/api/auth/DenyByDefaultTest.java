package net.suyuan.ledger.api.auth;

import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A new endpoint that no rule of {@link AccessRules} opens is closed: 401 without a key, 403 with
 * any key, the admin's included, never its handler's answer. Requests that reach no endpoint keep
 * their own answers (404, 405) for everyone.
 */
@LedgerApiTest
@Import(DenyByDefaultTest.Unlisted.class)
class DenyByDefaultTest {

  /** An endpoint someone added without a rule. */
  @TestConfiguration(proxyBeanMethods = false)
  @RestController
  static class Unlisted {
    @GetMapping("/api/v1/unlisted")
    String unlisted() {
      return "should not be reachable";
    }
  }

  @Autowired WebTestClient http;

  @Test
  void anEndpointWithoutARule_isDeniedToEveryone() {
    http.get()
        .uri("/api/v1/unlisted")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    String social = new AdminClient(http).orgWithKey(AdminClient.uniqueOrgId("soc"), "social_org");
    for (String key : new String[] {LedgerApiTest.ADMIN_KEY, social}) {
      http.get()
          .uri("/api/v1/unlisted")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo("no rule opens this route");
    }
  }

  @Test
  void requestsThatReachNoEndpoint_keepTheirAnswers() {
    http.get().uri("/api/v1/no-such-route").exchange().expectStatus().isNotFound();
    http.delete().uri("/api/v1/events").exchange().expectStatus().isEqualTo(405);
    http.post().uri("/api/v1/audit").exchange().expectStatus().isEqualTo(405);
    http.options()
        .uri("/api/v1/events")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .exists(HttpHeaders.ALLOW);
  }
}
