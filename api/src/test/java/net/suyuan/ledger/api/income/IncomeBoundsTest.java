package net.suyuan.ledger.api.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.web.HouseholdsCsv;
import net.suyuan.ledger.api.income.web.ProgramController;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 1, income reads: {@code detail=entries} and {@code households.csv} are bounded
 * (caps set small here, so a 60-step workload exceeds them).
 */
@LedgerApiTest
@TestPropertySource(
    properties = {
      "ledger.id=income-bounds-test",
      "ledger.income.max-detail-entries=" + IncomeBoundsTest.MAX_DETAIL,
      "ledger.income.csv-page-households=" + IncomeBoundsTest.PAGE
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeBoundsTest {
  static final int MAX_DETAIL = 2;
  static final int PAGE = 3;

  @Autowired WebTestClient http;
  @Autowired IncomeProjector projector;
  @Autowired Environment env;

  IncomeWorkload w;
  String socialKey;

  @BeforeAll
  void setUp() throws Exception {
    String u = UUID.randomUUID().toString().substring(0, 6);
    AdminClient admin = new AdminClient(http);
    w =
        new IncomeWorkload(11, u, "p1-" + u, "p2-" + u, "ca-" + u, "cb-" + u, "pr-" + u, "se-" + u)
            .generate(60);
    Map<String, String> keys = w.registerOrgs(admin);
    socialKey = keys.get(w.program1);
    long last = new IncomeClient(http).post(w.steps, keys);
    assertThat(projector.awaitWatermark(last, Duration.ofSeconds(60))).isTrue();
  }

  /** Household id → number of income lines, from the projection's table. */
  private Map<String, Long> lineCounts() throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT household_id, count(*) FROM income_line WHERE ledger_id = ?"
                    + " GROUP BY 1 ORDER BY 2 DESC")) {
      ps.setString(1, "income-bounds-test");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return counts;
  }

  private WebTestClient.ResponseSpec income(String householdId, String query) {
    return http.get()
        .uri("/api/v1/households/" + householdId + "/income" + query)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + socialKey)
        .exchange();
  }

  @Test
  void detailEntries_overTheCap_is400NamingDetail_withinIt200() throws Exception {
    Map<String, Long> counts = lineCounts();
    String busy = counts.keySet().iterator().next();
    assertThat(counts.get(busy)).as("workload precondition").isGreaterThan(MAX_DETAIL);
    income(busy, "?detail=entries")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("detail");
    income(busy, "").expectStatus().isOk(); // the sums alone are always bounded
    counts.entrySet().stream()
        .filter(e -> e.getValue() <= MAX_DETAIL)
        .findFirst()
        .ifPresent(e -> income(e.getKey(), "?detail=entries").expectStatus().isOk());
  }

  @Test
  void householdsCsv_isPaged() throws Exception {
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      EntityExchangeResult<String> page =
          http.get()
              .uri(
                  "/api/v1/programs/"
                      + w.program1
                      + "/households.csv?year=2022"
                      + (after == null ? "" : "&after=" + after))
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + socialKey)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult();
      List<String> ids = new ArrayList<>();
      for (String row : page.getResponseBody().split("\r\n")) {
        if (!row.equals(HouseholdsCsv.HEADER)) {
          ids.add(row.split(",")[0]);
        }
      }
      assertThat(ids).hasSizeLessThanOrEqualTo(PAGE).isSorted();
      seen.addAll(ids);
      after = page.getResponseHeaders().getFirst(ProgramController.NEXT_HEADER);
      pages++;
      assertThat(pages).as("pages end").isLessThan(1000);
    } while (after != null);
    assertThat(seen).doesNotHaveDuplicates().isSorted();
    assertThat(seen).hasSize(programHouseholds(2022));
    assertThat(pages).isGreaterThan(1);
    http.get()
        .uri("/api/v1/programs/" + w.program1 + "/households.csv?year=2022&limit=" + (PAGE + 1))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + socialKey)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("limit");
  }

  /** Households with a sale or refund line of program 1's products that year, from the tables. */
  private int programHouseholds(int year) throws Exception {
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(DISTINCT household_id) FROM income_household_gtin_year y"
                    + " JOIN income_product p ON p.ledger_id = y.ledger_id AND p.gtin = y.gtin"
                    + " WHERE y.ledger_id = ? AND p.org_id = ? AND y.year = ?")) {
      ps.setString(1, "income-bounds-test");
      ps.setString(2, w.program1);
      ps.setInt(3, year);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
