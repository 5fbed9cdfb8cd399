package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Idempotency-Key: retries replay the original receipts and never append (or sell) twice. */
@LedgerApiTest
class IdempotencyTest {
  @Autowired WebTestClient http;
  @Autowired Environment env;

  Writers w;

  @BeforeEach
  void setUp() {
    w = new Writers(http).prepared(1000);
  }

  @Test
  void sameKeySameBody_replaysTheReceipts_andAppendsOnce() throws Exception {
    String sale = w.b.sale(w.id("S-"), w.lot(), 10);
    String key = "key-" + w.u;
    String first =
        w.post(w.sellerKey, sale, key)
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    // same request, other whitespace: the canonical form is compared
    String second =
        w.post(w.sellerKey, sale.replace(",", " , "), key)
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Idempotent-Replayed", "true")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(second).isEqualTo(first);
    assertSold(10, 1);
  }

  @Test
  void sameKeyDifferentBody_is409() throws Exception {
    String key = "key-" + w.u;
    w.post(w.sellerKey, w.b.sale(w.id("S-"), w.lot(), 10), key).expectStatus().isCreated();
    w.post(w.sellerKey, w.b.sale(w.id("S-"), w.lot(), 11), key)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("Idempotency-Key");
    assertSold(10, 1);
  }

  @Test
  void concurrentRetriesWithOneKey_appendOnce() throws Exception {
    String sale = w.b.sale(w.id("S-"), w.lot(), 7);
    String key = "key-" + w.u;
    WebClient client = WebClient.create();
    String base = "http://127.0.0.1:" + env.getRequiredProperty("local.server.port");
    List<Integer> statuses =
        Flux.range(0, 20)
            .flatMap(
                i ->
                    client
                        .post()
                        .uri(base + "/api/v1/events")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + w.sellerKey)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(sale)
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())),
                20)
            .collectList()
            .block(Duration.ofSeconds(30));
    assertThat(statuses).containsOnly(200, 201);
    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertSold(7, 1);
  }

  @Test
  void keysAreScopedPerOrganization() throws Exception {
    String key = "shared-" + w.u;
    w.post(w.sellerKey, w.b.sale(w.id("S-"), w.lot(), 3), key).expectStatus().isCreated();
    w.post(w.coopKey, w.b.payout(w.hh()), key).expectStatus().isCreated();
  }

  private void assertSold(long quantity, long sales) throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      assertThat(
              StoredChain.count(
                  c, "SELECT 1000 - remaining FROM lot WHERE lot_id = '" + w.lot() + "'"))
          .isEqualTo(quantity);
      assertThat(
              StoredChain.count(
                  c,
                  "SELECT count(*) FROM entry WHERE type = 'sale.recorded' AND convert_from("
                      + "canonical, 'UTF8') LIKE '%"
                      + w.lot()
                      + "\"%'"))
          .isEqualTo(sales);
    }
  }
}
