package net.suyuan.ledger.api.http;

import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Client mistakes get RFC 9457 problem+json naming the field, never a 500. */
@LedgerApiTest
class ProblemDetailsTest {

  @Autowired WebTestClient http;

  private WebTestClient.ResponseSpec postOrg(String json) {
    return http.post()
        .uri("/api/v1/orgs")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }

  private static WebTestClient.BodyContentSpec problem(
      WebTestClient.ResponseSpec response, int status) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status);
  }

  @Test
  void malformedJson_is400_namingTheBody() {
    problem(postOrg("{\"orgId\": \"a\", "), 400).jsonPath("$.field").isEqualTo("body");
  }

  @Test
  void wrongType_is400_namingTheField() {
    problem(postOrg("{\"orgId\":\"a\",\"name\":{\"x\":1},\"role\":\"seller\"}"), 400)
        .jsonPath("$.field")
        .isEqualTo("name")
        .jsonPath("$.errors[0].field")
        .isEqualTo("name");
  }

  @Test
  void unknownEnumValue_is400_namingTheField() {
    problem(postOrg("{\"orgId\":\"a\",\"name\":\"n\",\"role\":\"farmer\"}"), 400)
        .jsonPath("$.field")
        .isEqualTo("role");
  }

  @Test
  void unknownProperty_is400_namingIt() {
    problem(postOrg("{\"orgId\":\"a\",\"name\":\"n\",\"role\":\"seller\",\"rol\":1}"), 400)
        .jsonPath("$.field")
        .isEqualTo("rol");
  }

  @Test
  void missingFields_are400_listingEachField() {
    problem(postOrg("{\"name\":\"\"}"), 400)
        .jsonPath("$.errors.length()")
        .isEqualTo(3)
        .jsonPath("$.errors[?(@.field == 'orgId')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'role')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'name')]")
        .exists();
  }

  @Test
  void invalidPattern_is400_namingTheField() {
    problem(postOrg("{\"orgId\":\"Bad Id\",\"name\":\"n\",\"role\":\"seller\"}"), 400)
        .jsonPath("$.field")
        .isEqualTo("orgId");
  }

  @Test
  void emptyBody_is400() {
    problem(
            http.post()
                .uri("/api/v1/orgs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .exchange(),
            400)
        .jsonPath("$.field")
        .isEqualTo("body");
  }

  @Test
  void oversizedBody_is413() {
    String big =
        "{\"orgId\":\"big\",\"name\":\"" + "a".repeat(1_200_000) + "\",\"role\":\"seller\"}";
    problem(postOrg(big), 413);
  }

  @Test
  void unsupportedMediaType_is415() {
    problem(
        http.post()
            .uri("/api/v1/orgs")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("hello")
            .exchange(),
        415);
  }

  @Test
  void unknownRoute_is404() {
    problem(http.get().uri("/api/v1/no-such-thing").exchange(), 404);
  }

  @Test
  void wrongMethod_is405() {
    problem(http.patch().uri("/api/v1/orgs").exchange(), 405);
  }
}
