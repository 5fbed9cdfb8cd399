package net.suyuan.ledger.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.support.JsonCalls;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 1: {@code GET /api/v1/lots/{lotId}} of a lot with 200,000 entries loaded them all
 * and ran the server out of memory. Provenance now holds at most {@code
 * ledger.provenance.max-entries} entries (small here, so the test needs a few dozen sales, not
 * 200,000), keeps the lineage before the sales, and says how many it left out; the lot's entries
 * are paged.
 */
@LedgerApiTest
@TestPropertySource(properties = "ledger.provenance.max-entries=" + BusyLotTest.CAP)
class BusyLotTest {
  static final int CAP = 15;

  /** LineageScenario: product, 3 deliveries, 3 transformations, 1 inspection behind P1. */
  private static final int LINEAGE_ENTRIES = 8;

  @Autowired WebTestClient http;

  @Test
  @SuppressWarnings("unchecked")
  void busyLot_provenanceIsCapped_lineageKept_restPaged() {
    LineageScenario s = new LineageScenario(http).write(); // one sale of P1 included
    int extraSales = 40;
    List<String> sales = new ArrayList<>();
    for (int i = 0; i < extraSales; i++) {
      sales.add(
          LineageScenario.ev(
              "sale.recorded",
              "{\"channel\":\"offline\",\"fees\":{\"logisticsFen\":0,\"packagingFen\":0,"
                  + "\"platformFen\":0,\"serviceFen\":0},\"lotId\":\""
                  + s.lot("P1")
                  + "\",\"occurredAt\":\""
                  + LineageScenario.T
                  + "\",\"pricePer\":1,\"quantity\":10,\"saleId\":\"B"
                  + i
                  + "-"
                  + s.u
                  + "\",\"unitPriceFen\":12}"));
    }
    s.post(s.sellerKey, sales.toArray(String[]::new));
    int saleEntries = extraSales + 1;

    Map<String, Object> p = JsonCalls.get(http, null, "/api/v1/lots/{lot}/provenance", s.lot("P1"));
    Map<String, Object> verification = (Map<String, Object>) p.get("verification");
    assertThat(verification.get("ok")).isEqualTo(true);
    assertThat(((Number) verification.get("omitted")).longValue())
        .isEqualTo(LINEAGE_ENTRIES + saleEntries - CAP);
    Map<String, Object> lineage = (Map<String, Object>) p.get("lineage");
    assertThat((List<?>) lineage.get("sales")).hasSize(CAP - LINEAGE_ENTRIES);
    assertThat((List<?>) ((Map<String, Object>) p.get("origin")).get("deliveries")).hasSize(3);
    assertThat((List<?>) p.get("inspections")).hasSize(1);
    assertThat((List<?>) lineage.get("upstream")).isNotEmpty();

    http.get()
        .uri("/api/v1/lots/{lot}", s.lot("P1"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verified")
        .isEqualTo(true);
    String page =
        http.get()
            .uri("/01/{gtin}/10/{lot}", s.gtin, s.lot("P1"))
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("id=\"omitted\"");

    // Every entry of the lot, page by page (the packing that made it and its sales).
    long after = -1;
    int seen = 0;
    int pages = 0;
    while (true) {
      Map<String, Object> body =
          JsonCalls.get(
              http, null, "/api/v1/lots/{lot}/events?after={a}&limit=10", s.lot("P1"), after);
      List<?> entries = (List<?>) body.get("entries");
      assertThat(entries.size()).isLessThanOrEqualTo(10);
      seen += entries.size();
      pages++;
      if (body.get("next") == null) {
        break;
      }
      after = ((Number) body.get("next")).longValue();
    }
    assertThat(seen).isEqualTo(saleEntries + 1);
    assertThat(pages).isGreaterThan(1);
  }
}
