package net.suyuan.ledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * LEDGER_DEMO=true loads the demo through the server's own append API into the fresh ledger; the
 * consumer page of demo lots shows the full lineage back to harvest.
 */
@LedgerApiTest
@TestPropertySource(properties = {"LEDGER_DEMO=true", "ledger.resolver.cache-ttl=0s"})
class DemoTest {
  @Autowired WebTestClient http;

  static final DemoScenario SCENARIO = new DemoScenario();

  @BeforeEach
  void loaded() throws InterruptedException {
    // The Longnan lots list 2,050 household deliveries: responses above the default 256 KB.
    http = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20)).build();
    long expected = SCENARIO.eventCount(); // seq of the last event: genesis is seq 0
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      String page =
          http.get()
              .uri("/api/v1/events?after=" + (expected - 1) + "&limit=1")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      if (page.contains("\"seq\":" + expected)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the demo did not load " + expected + " events within 5 minutes");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> provenance(String gtin, String lot) {
    return http.get()
        .uri("/01/" + gtin + "/10/" + lot)
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyDemoPackedLot_showsItsLineageBackToHarvest() {
    Map<String, List<String>> lots =
        Map.of(
            DemoScenario.GINGER, List.of("LZ21-P", "LZ22-P"),
            DemoScenario.OLIVE_OIL, List.of("LN21-P", "LN22-P"),
            DemoScenario.ORANGES, List.of("FJ22-PA", "FJ22-PB"));
    lots.forEach(
        (gtin, ids) -> {
          for (String lot : ids) {
            Map<String, Object> p = provenance(gtin, lot);
            Map<String, Object> verification = (Map<String, Object>) p.get("verification");
            assertThat(verification.get("ok")).as(lot).isEqualTo(true);
            List<Map<String, Object>> upstream =
                (List<Map<String, Object>>)
                    ((Map<String, Object>) p.get("lineage")).get("upstream");
            assertThat(upstream)
                .as(lot + " upstream")
                .anyMatch(l -> "harvest".equals(l.get("madeBy")));
            List<Object> deliveries =
                (List<Object>) ((Map<String, Object>) p.get("origin")).get("deliveries");
            assertThat(deliveries).as(lot + " deliveries").isNotEmpty();
          }
        });
    Map<String, Object> oranges = provenance(DemoScenario.ORANGES, "FJ22-PA");
    List<Map<String, Object>> up =
        (List<Map<String, Object>>) ((Map<String, Object>) oranges.get("lineage")).get("upstream");
    assertThat(up)
        .extracting(l -> l.get("lotId") + "@" + l.get("depth"))
        .containsExactly("FJ22-A@1", "FJ22-M@2", "FJ22-H1@3", "FJ22-H2@3");
    String page =
        http.get()
            .uri("/01/" + DemoScenario.GINGER + "/10/LZ22-P")
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("六枝小黄姜", "记录已验证", "落别乡", "lz-0450");
  }

  @Test
  void theCommandRefusesALedgerThatAlreadyHoldsEvents() {
    int port =
        http.mutate()
            .build()
            .get()
            .uri("/")
            .exchange()
            .returnResult(String.class)
            .getUrl()
            .getPort();
    assertThat(
            DemoCommand.run(
                new String[] {
                  "--url", "http://127.0.0.1:" + port, "--admin-key", LedgerApiTest.ADMIN_KEY
                }))
        .isEqualTo(1);
    assertThat(DemoCommand.run(new String[] {"--bogus"})).isEqualTo(2);
  }
}
