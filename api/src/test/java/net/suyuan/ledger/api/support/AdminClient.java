package net.suyuan.ledger.api.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helper that registers organizations and issues keys through the admin API. */
public final class AdminClient {

  private final WebTestClient http;

  public AdminClient(WebTestClient http) {
    this.http = http;
  }

  /** A unique org id with the given prefix, so tests sharing a context do not collide. */
  public static String uniqueOrgId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public void createOrg(String orgId, String role) {
    http.post()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
        .bodyValue(Map.of("orgId", orgId, "name", "Org " + orgId, "role", role))
        .exchange()
        .expectStatus()
        .isCreated();
  }

  /** Issues a key and returns its secret. */
  public String issueKey(String orgId) {
    return issue(orgId).get("secret");
  }

  @SuppressWarnings("unchecked")
  public Map<String, String> issue(String orgId) {
    return http.post()
        .uri("/api/v1/orgs/{orgId}/keys", orgId)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  /** A new organization with one key; returns the key's secret. */
  public String orgWithKey(String orgId, String role) {
    createOrg(orgId, role);
    return issueKey(orgId);
  }
}
