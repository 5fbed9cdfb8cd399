package net.suyuan.ledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.JsonCalls;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code GET /api/v1/orgs} is paged like {@code /events} (issue 11 defect 1: every read bounded),
 * and {@code GET /api/v1/orgs/{orgId}} answers the {@code Location} of {@code POST /api/v1/orgs}.
 */
@LedgerApiTest
class OrgPagingTest {

  @Autowired WebTestClient http;

  private WebTestClient.ResponseSpec get(String uri, String key) {
    WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
    if (key != null) {
      spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return spec.exchange();
  }

  private WebTestClient.ResponseSpec admin(String uri) {
    return get(uri, LedgerApiTest.ADMIN_KEY);
  }

  private Map<String, Object> page(String query) {
    return JsonCalls.get(http, LedgerApiTest.ADMIN_KEY, "/api/v1/orgs" + query);
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("orgs"))
        .stream().map(o -> (String) o.get("orgId")).toList();
  }

  @Test
  void list_isPagedByOrgId_afterTheLastIdOfThePreviousPage() {
    String prefix = AdminClient.uniqueOrgId("pg");
    AdminClient admin = new AdminClient(http);
    for (String suffix : List.of("a", "b", "c")) {
      admin.createOrg(prefix + "-" + suffix, "seller");
    }
    // Ids sharing a unique prefix are neighbours in orgId order, whatever other tests created.
    Map<String, Object> first = page("?after=" + prefix + "-a&limit=1");
    assertThat(ids(first)).containsExactly(prefix + "-b");
    assertThat(first.get("next")).isEqualTo(prefix + "-b");
    Map<String, Object> second = page("?after=" + first.get("next") + "&limit=1");
    assertThat(ids(second)).containsExactly(prefix + "-c");

    Map<String, Object> two = page("?after=" + prefix + "-a&limit=2");
    assertThat(ids(two)).containsExactly(prefix + "-b", prefix + "-c");
  }

  @Test
  void walkingEveryPage_visitsEachOrgOnce_inOrder_andEndsWithNextNull() {
    String mine = AdminClient.uniqueOrgId("walk");
    new AdminClient(http).createOrg(mine, "auditor");
    List<String> seen = new ArrayList<>();
    String query = "?limit=3";
    for (int pages = 0; ; pages++) {
      assertThat(pages).as("pages walked").isLessThan(10_000);
      Map<String, Object> page = page(query);
      List<String> ids = ids(page);
      assertThat(ids.size()).isLessThanOrEqualTo(3);
      seen.addAll(ids);
      if (page.get("next") == null) {
        assertThat(page).containsKey("next");
        break;
      }
      assertThat(page.get("next")).isEqualTo(ids.get(ids.size() - 1));
      query = "?limit=3&after=" + page.get("next");
    }
    assertThat(seen).contains("admin", mine).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void defaultPage_holdsAtMost100() {
    AdminClient admin = new AdminClient(http);
    String prefix = AdminClient.uniqueOrgId("many");
    for (int i = 0; i < 101; i++) {
      admin.createOrg(prefix + "-" + String.format("%03d", i), "seller");
    }
    Map<String, Object> page = page("");
    assertThat(ids(page)).hasSize(100);
    assertThat(page.get("next")).isEqualTo(ids(page).get(99));
    assertThat(ids(page("?limit=1000")).size())
        .isGreaterThanOrEqualTo(101)
        .isLessThanOrEqualTo(1000);
  }

  @Test
  void badLimitOrAfter_is400NamingTheParameter() {
    for (String limit : List.of("0", "1001", "-1", "x", "1.5")) {
      admin("/api/v1/orgs?limit=" + limit)
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo("limit");
    }
    for (String after : List.of("UPPER", "-dash-first", "a".repeat(65))) {
      admin("/api/v1/orgs?after=" + after)
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo("after");
    }
  }

  @Test
  void getOne_answersTheLocationOfCreate() {
    String orgId = AdminClient.uniqueOrgId("one");
    String location =
        http.post()
            .uri("/api/v1/orgs")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
            .bodyValue(Map.of("orgId", orgId, "name", "One office", "role", "inspector"))
            .exchange()
            .expectStatus()
            .isCreated()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getLocation()
            .toString();
    admin(location)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.orgId")
        .isEqualTo(orgId)
        .jsonPath("$.name")
        .isEqualTo("One office")
        .jsonPath("$.role")
        .isEqualTo("inspector")
        .jsonPath("$.createdAt")
        .exists();
  }

  @Test
  void getOne_unknownIs404_invalidIdIs400_andItNeedsAnAdminKey() {
    admin("/api/v1/orgs/nobody-" + AdminClient.uniqueOrgId("x"))
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    admin("/api/v1/orgs/NotAnId")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("orgId");
    get("/api/v1/orgs/admin", null).expectStatus().isUnauthorized();
    String seller = new AdminClient(http).orgWithKey(AdminClient.uniqueOrgId("sell"), "seller");
    get("/api/v1/orgs/admin", seller).expectStatus().isForbidden();
    get("/api/v1/orgs?limit=1", seller).expectStatus().isForbidden();
  }
}
