package net.suyuan.ledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@LedgerApiTest
class AccessControlTest {

  @Autowired WebTestClient http;
  @Autowired Environment env;

  private static String bearer(String secret) {
    return "Bearer " + secret;
  }

  @Test
  void adminRoute_withoutKey_is401WithBearerChallenge() {
    http.get()
        .uri("/api/v1/orgs")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
  }

  @Test
  void adminRoute_withUnknownKey_is401() {
    http.get()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, bearer("lk_not-a-real-key"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void adminRoute_withNonAdminKey_is403() {
    String secret = new AdminClient(http).orgWithKey(AdminClient.uniqueOrgId("proc"), "processor");
    http.post()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, bearer(secret))
        .bodyValue(Map.of("orgId", "sneaky", "name", "x", "role", "seller"))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void admin_createsOrg_readsIt_andDuplicateIs409() {
    String orgId = AdminClient.uniqueOrgId("coop");
    new AdminClient(http).createOrg(orgId, "cooperative");
    // The list is paged (OrgPagingTest); other tests' organizations may fill its first page.
    http.get()
        .uri("/api/v1/orgs/{orgId}", orgId)
        .header(HttpHeaders.AUTHORIZATION, bearer(LedgerApiTest.ADMIN_KEY))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.role")
        .isEqualTo("cooperative");
    http.post()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, bearer(LedgerApiTest.ADMIN_KEY))
        .bodyValue(Map.of("orgId", orgId, "name", "again", "role", "seller"))
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void issuedKey_isShownOnce_storedOnlyAsHash_andRevokedKeyGets401() throws SQLException {
    AdminClient admin = new AdminClient(http);
    String orgId = AdminClient.uniqueOrgId("insp");
    admin.createOrg(orgId, "inspector");
    Map<String, String> issued = admin.issue(orgId);
    String secret = issued.get("secret");
    assertThat(secret).startsWith("lk_").hasSize(3 + 43);
    assertThat(storedHashes(issued.get("keyId")))
        .isEqualTo(KeySecrets.hash(secret))
        .isNotEqualTo(secret.getBytes());

    // A valid non-admin key authenticates: 403 (authenticated, wrong role), not 401.
    http.get()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, bearer(secret))
        .exchange()
        .expectStatus()
        .isForbidden();

    http.delete()
        .uri("/api/v1/keys/{id}", issued.get("keyId"))
        .header(HttpHeaders.AUTHORIZATION, bearer(LedgerApiTest.ADMIN_KEY))
        .exchange()
        .expectStatus()
        .isNoContent();

    http.get()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, bearer(secret))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void revoke_unknownKey_is404() {
    http.delete()
        .uri("/api/v1/keys/key_doesnotexist")
        .header(HttpHeaders.AUTHORIZATION, bearer(LedgerApiTest.ADMIN_KEY))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void issueKey_forUnknownOrg_is404() {
    http.post()
        .uri("/api/v1/orgs/nobody-here/keys")
        .header(HttpHeaders.AUTHORIZATION, bearer(LedgerApiTest.ADMIN_KEY))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void bootstrap_registeredAdminKeyForAdminOrg_withoutStoringTheSecret() throws SQLException {
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT k.org_id, k.is_admin, o.role FROM api_key k JOIN organization o USING (org_id)"
                    + " WHERE k.key_hash = ?")) {
      ps.setBytes(1, KeySecrets.hash(LedgerApiTest.ADMIN_KEY));
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("org_id")).isEqualTo("admin");
        assertThat(rs.getBoolean("is_admin")).isTrue();
        assertThat(rs.getString("role")).isEqualTo("social_org");
      }
    }
  }

  private byte[] storedHashes(String keyId) throws SQLException {
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement("SELECT key_hash FROM api_key WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBytes(1);
      }
    }
  }
}
