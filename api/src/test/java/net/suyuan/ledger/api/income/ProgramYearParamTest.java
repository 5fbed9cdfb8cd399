package net.suyuan.ledger.api.income;

import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 10: {@code year=0001} answered 500 (the figures also read year − 1, and
 * PostgreSQL has no year 0). The year is validated to the documented range 1900..9999 on every
 * program endpoint: outside it a 400 naming {@code year}; at its ends an answer (here 404: the
 * organization registered no product).
 */
@LedgerApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgramYearParamTest {
  @Autowired WebTestClient http;
  String socialKey;

  @BeforeAll
  void keys() {
    socialKey = new AdminClient(http).orgWithKey(AdminClient.uniqueOrgId("so"), "social_org");
  }

  private WebTestClient.ResponseSpec get(String endpoint, String year) {
    return http.get()
        .uri("/api/v1/programs/no-such-org/" + endpoint + "?year=" + year)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + socialKey)
        .exchange();
  }

  @ParameterizedTest
  @CsvSource({
    "summary, 0001",
    "channels, 0001",
    "households.csv, 0001",
    "summary, 1899",
    "channels, 0000",
    "households.csv, 1899"
  })
  void yearOutsideTheRange_is400NamingYear(String endpoint, String year) {
    get(endpoint, year)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("year");
  }

  @ParameterizedTest
  @CsvSource({
    "summary, 1900",
    "channels, 1900",
    "households.csv, 1900",
    "summary, 9999",
    "channels, 9999",
    "households.csv, 9999"
  })
  void yearAtTheEndsOfTheRange_isAnswered(String endpoint, String year) {
    get(endpoint, year)
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
