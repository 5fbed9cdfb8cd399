package net.suyuan.ledger.api.household;

import java.util.HashMap;
import java.util.Map;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@LedgerApiTest
class HouseholdProfileAccessTest {

  @Autowired WebTestClient http;

  String coopA;
  String coopAKey;
  String coopBKey;
  String socialKey;
  String sellerKey;
  String householdId;

  @BeforeEach
  void orgs() {
    AdminClient admin = new AdminClient(http);
    coopA = AdminClient.uniqueOrgId("coopa");
    coopAKey = admin.orgWithKey(coopA, "cooperative");
    coopBKey = admin.orgWithKey(AdminClient.uniqueOrgId("coopb"), "cooperative");
    socialKey = admin.orgWithKey(AdminClient.uniqueOrgId("ngo"), "social_org");
    sellerKey = admin.orgWithKey(AdminClient.uniqueOrgId("shop"), "seller");
    householdId = "hh-" + coopA.substring(coopA.length() - 8);
  }

  private WebTestClient.ResponseSpec put(String key, Map<String, Object> body) {
    WebTestClient.RequestBodySpec spec =
        http.put().uri("/api/v1/households/{id}/profile", householdId);
    if (key != null) {
      spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return spec.bodyValue(body).exchange();
  }

  private WebTestClient.ResponseSpec get(String key) {
    WebTestClient.RequestHeadersSpec<?> spec =
        http.get().uri("/api/v1/households/{id}/profile", householdId);
    if (key != null) {
      spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return spec.exchange();
  }

  private static Map<String, Object> profile(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("displayName", name);
    body.put("phone", "13800000000");
    body.put("village", "Xiaohe");
    return body;
  }

  @Test
  void owningCooperative_writesAndReads() {
    put(coopAKey, profile("Wang Fang"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cooperativeOrgId")
        .isEqualTo(coopA);
    get(coopAKey)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.displayName")
        .isEqualTo("Wang Fang")
        .jsonPath("$.phone")
        .isEqualTo("13800000000");
  }

  @Test
  void otherCooperative_cannotReadOrOverwrite() {
    put(coopAKey, profile("Wang Fang")).expectStatus().isOk();
    get(coopBKey).expectStatus().isForbidden();
    put(coopBKey, profile("Hijacked")).expectStatus().isForbidden();
    get(coopAKey)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.displayName")
        .isEqualTo("Wang Fang");
  }

  @Test
  void socialOrg_readsAndWritesForACooperative() {
    put(coopAKey, profile("Wang Fang")).expectStatus().isOk();
    get(socialKey).expectStatus().isOk();
    Map<String, Object> body = profile("Wang Fang (updated)");
    body.put("cooperativeOrgId", coopA);
    put(socialKey, body).expectStatus().isOk();
    get(coopAKey)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.displayName")
        .isEqualTo("Wang Fang (updated)");
  }

  @Test
  void socialOrg_withoutCooperativeOrgId_is400NamingTheField() {
    put(socialKey, profile("X"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("cooperativeOrgId");
  }

  @Test
  void otherRoles_are403_andNoKeyIs401() {
    put(coopAKey, profile("Wang Fang")).expectStatus().isOk();
    get(sellerKey).expectStatus().isForbidden();
    put(sellerKey, profile("X")).expectStatus().isForbidden();
    get(null).expectStatus().isUnauthorized();
    put(null, profile("X")).expectStatus().isUnauthorized();
  }

  @Test
  void unknownHousehold_is404_andInvalidIdIs400() {
    get(coopAKey).expectStatus().isNotFound();
    http.get()
        .uri("/api/v1/households/{id}/profile", "not valid!")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + coopAKey)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("householdId");
  }

  @Test
  void missingDisplayName_is400NamingTheField() {
    put(coopAKey, Map.of("phone", "1"))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("displayName");
  }
}
