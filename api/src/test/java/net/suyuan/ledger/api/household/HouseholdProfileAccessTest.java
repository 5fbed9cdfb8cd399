package net.suyuan.ledger.api.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

// Its own ledger (and so its own context and database): it enrolls households, and tests sharing
// the default context replace ledger "main" with fixtures that cannot delete enrolled households.
@LedgerApiTest
@TestPropertySource(properties = "ledger.id=household-profile-test")
class HouseholdProfileAccessTest {

  @Autowired WebTestClient http;
  @Autowired Environment env;

  String coopA;
  String coopB;
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
    coopB = AdminClient.uniqueOrgId("coopb");
    coopBKey = admin.orgWithKey(coopB, "cooperative");
    socialKey = admin.orgWithKey(AdminClient.uniqueOrgId("ngo"), "social_org");
    sellerKey = admin.orgWithKey(AdminClient.uniqueOrgId("shop"), "seller");
    householdId = "hh-" + coopA.substring(coopA.length() - 8);
    enroll(coopAKey, householdId, coopA);
  }

  /** Enrolls a household in the ledger the way a cooperative does: a household.enrolled event. */
  private void enroll(String key, String household, String cooperative) {
    String body =
        "{\"type\":\"household.enrolled\",\"body\":{\"householdId\":\""
            + household
            + "\",\"village\":\"Xiaohe\",\"cooperative\":\""
            + cooperative
            + "\"}}";
    http.post()
        .uri("/api/v1/events")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated();
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
  void socialOrg_withoutCooperativeOrgId_writesForTheEnrollingCooperative() {
    put(socialKey, profile("Wang Fang"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cooperativeOrgId")
        .isEqualTo(coopA);
    get(coopAKey).expectStatus().isOk();
  }

  @Test
  void socialOrg_namingAnotherCooperative_is400NamingTheField_andStoresNothing() {
    Map<String, Object> body = profile("X");
    body.put("cooperativeOrgId", coopB);
    put(socialKey, body)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("cooperativeOrgId");
    get(coopAKey).expectStatus().isNotFound();
    get(coopBKey).expectStatus().isForbidden();
  }

  /** Issue 11 defect 5: the first PUT used to make any cooperative the owner. */
  @Test
  void otherCooperative_cannotCreateTheProfileFirst_andTheOwnerStaysInCharge() {
    put(coopBKey, profile("Hijacked")).expectStatus().isForbidden();
    get(coopBKey).expectStatus().isForbidden();
    get(coopAKey).expectStatus().isNotFound(); // nothing was stored
    put(coopAKey, profile("Wang Fang"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cooperativeOrgId")
        .isEqualTo(coopA);
  }

  /** A profile another cooperative grabbed before the fix: the enrolling one takes it back. */
  @Test
  void profileHeldByAnotherCooperative_isReadableAndWritableOnlyByTheEnrollingOne()
      throws Exception {
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO household_profile (household_id, cooperative_org_id, display_name)"
                    + " VALUES (?, ?, 'Hijacked')")) {
      ps.setString(1, householdId);
      ps.setString(2, coopB);
      ps.executeUpdate();
    }
    get(coopBKey).expectStatus().isForbidden();
    put(coopBKey, profile("Hijacked again")).expectStatus().isForbidden();
    put(coopAKey, profile("Wang Fang"))
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cooperativeOrgId")
        .isEqualTo(coopA)
        .jsonPath("$.displayName")
        .isEqualTo("Wang Fang");
  }

  @Test
  void householdNotEnrolled_is404ForEveryone_andStoresNothing() {
    householdId = "hh-new-" + coopA.substring(coopA.length() - 8);
    put(coopAKey, profile("X")).expectStatus().isNotFound();
    put(coopBKey, profile("X")).expectStatus().isNotFound();
    Map<String, Object> body = profile("X");
    body.put("cooperativeOrgId", coopA);
    put(socialKey, body)
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    get(socialKey).expectStatus().isNotFound();
    enroll(coopBKey, householdId, coopB); // enrolled later: its own cooperative may now write
    put(coopAKey, profile("X")).expectStatus().isForbidden();
    put(coopBKey, profile("Li Lei")).expectStatus().isOk();
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

  /**
   * The order docs/api.md gives: the route rule (401/403 by role), then the body (read and checked
   * before any handler code), then the household rule (OwnHouseholdsOnly: 404 not enrolled, 403
   * another cooperative's), each with its own detail.
   */
  @Test
  void invalidBody_is400BeforeTheHouseholdRule_whichThenAnswers403Or404() {
    Map<String, Object> invalid = Map.of("phone", "1");
    put(coopBKey, invalid)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("displayName");
    put(coopBKey, profile("X"))
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("household " + householdId + " belongs to another cooperative");
    get(coopBKey)
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("household " + householdId + " belongs to another cooperative");
    put(sellerKey, invalid).expectStatus().isForbidden();
    put(null, invalid).expectStatus().isUnauthorized();

    householdId = "hh-none-" + coopA.substring(coopA.length() - 8);
    put(socialKey, invalid)
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("displayName");
    put(socialKey, profile("X"))
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("household " + householdId + " is not enrolled");
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

  /**
   * Issue 11 defect 8: profile text is shown to people, so the characters the ledger refuses at
   * append (core InvisibleCharacters: bidi overrides, zero-width and other invisible characters)
   * are refused here too, naming the field, and nothing is stored.
   */
  @Test
  void invisibleOrBidiCharacters_are400NamingTheField_andStoreNothing() {
    for (String field : List.of("displayName", "phone", "idNumber", "village")) {
      for (String bad : List.of("\u202E", "\u2066", "\u200B", "\u0000", "\uFEFF", "\u061C")) {
        Map<String, Object> body = profile("Wang Fang");
        body.put(field, "12" + bad + "34");
        put(coopAKey, body)
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].message")
            .value(
                m -> assertThat((String) m).contains(String.format("U+%04X", (int) bad.charAt(0))));
      }
    }
    get(coopAKey).expectStatus().isNotFound();
    Map<String, Object> visible = profile("王芳 (Wang Fang)");
    visible.put("village", "小河村");
    put(coopAKey, visible).expectStatus().isOk();
  }
}
