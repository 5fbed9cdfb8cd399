package net.suyuan.ledger.api.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.web.HouseholdsCsv;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.HouseholdId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who may read household figures and run the replay, and what bad input gets. */
// Its own ledger (and so its own context and database): tests sharing the default context replace
// ledger "main" with fixtures, some of them tampered, which the projector rightly cannot read.
@LedgerApiTest
@TestPropertySource(properties = "ledger.id=income-access-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeAccessTest {
  @Autowired WebTestClient http;
  @Autowired IncomeProjector projector;

  IncomeWorkload w;
  String coopAKey;
  String coopBKey;
  String sellerKey;
  String socialKey;
  String auditorKey;
  String hhA; // enrolled with cooperative A
  String hhB; // enrolled with cooperative B

  @BeforeAll
  void setUp() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 6);
    AdminClient admin = new AdminClient(http);
    w =
        new IncomeWorkload(7, u, "p1-" + u, "p2-" + u, "ca-" + u, "cb-" + u, "pr-" + u, "se-" + u)
            .generate(60);
    Map<String, String> keys = w.registerOrgs(admin);
    coopAKey = keys.get(w.coopA);
    coopBKey = keys.get(w.coopB);
    sellerKey = keys.get(w.seller);
    socialKey = keys.get(w.program2);
    auditorKey = admin.orgWithKey("aud-" + u, "auditor");
    hhA = w.households.get(0);
    hhB = w.households.get(9);
    long last = new IncomeClient(http).post(w.steps, keys);
    assertThat(projector.awaitWatermark(last, Duration.ofSeconds(60))).isTrue();
  }

  @Test
  void householdIncome_withoutKey_is401() {
    status(income(hhA), null).isEqualTo(401);
    status("/api/v1/programs/" + w.program1 + "/households.csv?year=2022", null).isEqualTo(401);
    http.post().uri("/api/v1/income/replay").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void householdIncome_otherCooperativeOrSeller_is403() {
    status(income(hhA), coopBKey).isEqualTo(403);
    status(income(hhB), coopAKey).isEqualTo(403);
    status(income(hhA), sellerKey).isEqualTo(403);
    http.post()
        .uri("/api/v1/income/replay")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + coopAKey)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void householdIncome_ownCooperativeSocialOrgAuditor_is200() {
    status(income(hhA), coopAKey).isEqualTo(200);
    status(income(hhB), coopBKey).isEqualTo(200);
    status(income(hhA), socialKey).isEqualTo(200);
    status(income(hhB), auditorKey).isEqualTo(200);
  }

  @Test
  void householdsCsv_cooperativeSeesOnlyItsOwnHouseholds() {
    String csv =
        http.get()
            .uri("/api/v1/programs/" + w.program1 + "/households.csv?year=2022")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + coopBKey)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    for (String row : csv.split("\r\n")) {
      if (!row.equals(HouseholdsCsv.HEADER)) {
        assertThat(row.split(",")[1]).isEqualTo(w.coopB);
      }
    }
  }

  @Test
  void programAggregates_arePublic() {
    status("/api/v1/programs/" + w.program1 + "/summary?year=2022", null).isEqualTo(200);
    status("/api/v1/programs/" + w.program1 + "/channels?year=2022", null).isEqualTo(200);
    status("/api/v1/products/" + w.gtinA + "/premium?year=2022", null).isEqualTo(200);
  }

  /**
   * Decided in issue 11 (docs/api.md, "Wages at another cooperative's base"): a base names where
   * the work was done; the wage is the household's income and is recorded by its own cooperative,
   * whoever registered the base.
   */
  @Test
  void wage_atAnotherCooperativesBase_byTheHouseholdsCooperative_isAcceptedAndCounted()
      throws Exception {
    IncomeClient client = new IncomeClient(http);
    long seq =
        client.postBatch(
            coopBKey,
            List.of(
                IncomeClient.event(
                    new WageRecorded(
                        HouseholdId.of(hhB),
                        BaseId.of(w.site(w.coopA)),
                        Fen.of(777),
                        OptionalInt.empty(),
                        Instant.parse("2019-06-01T00:00:00.000Z")))));
    assertThat(projector.awaitWatermark(seq, Duration.ofSeconds(60))).isTrue();
    http.get()
        .uri(income(hhB) + "?from=2019-01-01&to=2019-12-31")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + coopBKey)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.wages")
        .isEqualTo(777);
  }

  @Test
  void auditor_mayRecordNoEvent() {
    http.post()
        .uri("/api/v1/events")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + auditorKey)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            IncomeClient.event(
                new PayoutMade(
                    HouseholdId.of(hhA),
                    Fen.of(100),
                    java.util.Optional.empty(),
                    java.time.Instant.parse("2022-01-01T00:00:00Z"))))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("type");
  }

  @Test
  void badInput_is400NamingTheField() {
    String h = "/api/v1/households/" + hhA + "/income";
    for (List<String> c :
        List.of(
            List.of(h + "?from=2022-13-01", "from"),
            List.of(h + "?from=2022-02-30", "from"),
            List.of(h + "?to=20220101", "to"),
            List.of(h + "?from=2022-03-01&to=2022-02-28", "to"),
            List.of(h + "?detail=all", "detail"),
            List.of("/api/v1/households/bad%24id/income", "householdId"),
            List.of("/api/v1/programs/" + w.program1 + "/summary", "year"),
            List.of("/api/v1/programs/" + w.program1 + "/summary?year=22", "year"),
            List.of("/api/v1/programs/" + w.program1 + "/channels?year=abcd", "year"),
            List.of("/api/v1/programs/" + w.program1 + "/households.csv?year=0000", "year"),
            List.of("/api/v1/programs/Bad_Org/summary?year=2022", "orgId"),
            List.of("/api/v1/products/12345/premium?year=2022", "gtin"),
            List.of("/api/v1/products/" + w.gtinA + "/premium?year=-1", "year"))) {
      http.get()
          .uri(c.get(0))
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + auditorKey)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo(c.get(1));
    }
  }

  /**
   * The household rule (OwnHouseholdsOnly) comes after the route rule and before the query
   * parameters are checked: a malformed household id is 400 naming householdId, another
   * cooperative's household 403 and a household that is not enrolled 404 whatever the query says.
   */
  @Test
  void householdRule_answersBeforeTheQueryParameters() {
    detail(income(hhA) + "?from=2022-13-01", coopBKey, 403)
        .isEqualTo("household " + hhA + " belongs to another cooperative");
    detail("/api/v1/households/nobody-here/income?detail=all", coopAKey, 404)
        .isEqualTo("household nobody-here is not enrolled");
    detail("/api/v1/households/bad!id/income?from=x", coopBKey, 400)
        .isEqualTo("householdId: must match ^[A-Za-z0-9._-]{1,32}$, got 'bad!id'");
    detail(income(hhA) + "?from=2022-13-01", sellerKey, 403)
        .isEqualTo("role seller may not do this");
    detail(income(hhA) + "?from=2022-13-01", coopAKey, 400).startsWith("from: ");
  }

  @Test
  void unknownHouseholdProgramOrProduct_is404_enrolledWithoutLines_isZeros() {
    status("/api/v1/households/nobody-here/income", auditorKey).isEqualTo(404);
    status("/api/v1/programs/no-such-org/summary?year=2022", null).isEqualTo(404);
    status(
            "/api/v1/products/"
                + IncomeWorkload.gtin(new java.util.Random(99))
                + "/premium?year=2022",
            null)
        .isEqualTo(404);
    http.get()
        .uri(income(hhA) + "?from=1999-01-01&to=1999-12-31")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + auditorKey)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.salesIncome")
        .isEqualTo(0)
        .jsonPath("$.owed")
        .isEqualTo(0)
        .jsonPath("$.byChannel.offline")
        .isEqualTo(0)
        .jsonPath("$.byMonth")
        .isEmpty();
  }

  private String income(String hh) {
    return "/api/v1/households/" + hh + "/income";
  }

  /** The problem+json {@code detail} of a call answered {@code status}. */
  private org.assertj.core.api.AbstractStringAssert<?> detail(String uri, String key, int status) {
    Map<String, Object> body =
        http.get()
            .uri(uri)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
            .returnResult()
            .getResponseBody();
    return assertThat((String) body.get("detail")).as(uri);
  }

  private org.assertj.core.api.AbstractIntegerAssert<?> status(String uri, String key) {
    WebTestClient.RequestHeadersSpec<?> spec = http.get().uri(uri);
    if (key != null) {
      spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return assertThat(spec.exchange().returnResult(byte[].class).getStatus().value()).as(uri);
  }
}
