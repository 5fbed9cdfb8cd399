package net.suyuan.ledger.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With a long cache TTL, an append by this instance still shows on the next scan. */
@LedgerApiTest
@TestPropertySource(properties = "ledger.resolver.cache-ttl=10m")
class ProvenanceCacheTest {
  @Autowired WebTestClient http;

  private String json(String uri) {
    return http.get()
        .uri(uri)
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void anAppendOnThisInstance_isSeenAtOnceDespiteTheCache() {
    LineageScenario s = new LineageScenario(http).write();
    String uri = "/01/" + s.gtin + "/10/" + s.lot("P1");
    assertThat(json(uri)).doesNotContain("S2-" + s.u);
    s.post(
        s.sellerKey,
        LineageScenario.ev(
            "sale.recorded",
            "{\"channel\":\"social_group\",\"fees\":{\"logisticsFen\":0,\"packagingFen\":0,"
                + "\"platformFen\":0,\"serviceFen\":0},\"lotId\":\""
                + s.lot("P1")
                + "\",\"occurredAt\":\""
                + LineageScenario.T
                + "\",\"pricePer\":500,\"quantity\":500,\"saleId\":\"S2-"
                + s.u
                + "\",\"unitPriceFen\":6800}"));
    assertThat(json(uri)).contains("S2-" + s.u);
  }
}
