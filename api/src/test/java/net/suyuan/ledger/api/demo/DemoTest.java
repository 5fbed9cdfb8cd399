package net.suyuan.ledger.api.demo;

import static net.suyuan.ledger.api.support.JsonCalls.num;
import static net.suyuan.ledger.api.support.JsonCalls.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.support.JsonCalls;
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
  void loaded() {
    // The Longnan lots list 2,050 household deliveries: responses above the default 256 KB.
    http = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 << 20)).build();
    long expected = SCENARIO.eventCount(); // seq of the last event: genesis is seq 0
    await("the demo loading " + expected + " events")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> getString("/api/v1/events?after=" + (expected - 1) + "&limit=1"),
            page -> page.contains("\"seq\":" + expected));
  }

  private String getString(String uri) {
    return http.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private Map<String, Object> provenance(String gtin, String lot) {
    return JsonCalls.get(http, null, "/01/{gtin}/10/{lot}", gtin, lot);
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

  /** The figures at {@code uri} once the projector has followed the stream to the last event. */
  private Map<String, Object> income(String uri) {
    long last = SCENARIO.eventCount();
    return await("income figures at seq " + last + " from " + uri)
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> JsonCalls.get(http, null, uri), body -> num(body, "asOfSeq") >= last);
  }

  /** Liuzhi: 3.2 -> 15 million yuan online, 120 -> 450 households, 8,000 -> 18,000 yuan (+125%). */
  @Test
  void liuzhiProgramSummary_isThePublishedFigures() {
    Map<String, Object> p = income("/api/v1/programs/so-liuzhi/summary?year=2022");
    assertThat(num(p, "onlineSalesRevenue")).isEqualTo(15_000_000_00L);
    assertThat(num(p, "participatingHouseholds")).isEqualTo(450);
    assertThat(num(p, "averageNetIncomePerHousehold")).isEqualTo(18_000_00L);
    assertThat(num(p, "previousYear", "onlineSalesRevenue")).isEqualTo(3_200_000_00L);
    assertThat(num(p, "previousYear", "participatingHouseholds")).isEqualTo(120);
    assertThat(num(p, "previousYear", "averageNetIncomePerHousehold")).isEqualTo(8_000_00L);
    assertThat(text(p, "growth", "averageNetIncomePerHousehold")).isEqualTo("125.00");
    assertThat(text(p, "growth", "onlineSalesRevenue")).isEqualTo("368.75");
  }

  /** Longnan: 50 -> 88 yuan per 500 ml, a 76% premium; 2,000+ households, +12,000 yuan each. */
  @Test
  void longnanPremiumAndIncomeRise_areThePublishedFigures() {
    Map<String, Object> premium =
        income("/api/v1/products/" + DemoScenario.OLIVE_OIL + "/premium?year=2022");
    assertThat(text(premium, "premium")).isEqualTo("76.00");
    assertThat(num(premium, "averageUnitPrice", "fen")).isEqualTo(8800);
    assertThat(num(premium, "averageUnitPrice", "per")).isEqualTo(500);
    Map<String, Object> before =
        income("/api/v1/products/" + DemoScenario.OLIVE_OIL + "/premium?year=2021");
    assertThat(num(before, "averageUnitPrice", "fen")).isEqualTo(5000);
    assertThat(text(before, "premium")).isEqualTo("0.00");
    Map<String, Object> p = income("/api/v1/programs/so-longnan/summary?year=2022");
    assertThat(num(p, "participatingHouseholds")).isGreaterThan(2000);
    assertThat(
            num(p, "averageNetIncomePerHousehold")
                - num(p, "previousYear", "averageNetIncomePerHousehold"))
        .isEqualTo(12_000_00L);
  }

  /**
   * Fengjie: the channel comparison has livestream, social-group and offline figures to compare.
   */
  @Test
  void fengjieChannels_compareLivestreamSocialGroupAndOffline() {
    Map<String, Object> c = income("/api/v1/programs/so-fengjie/channels?year=2022");
    String body = c.toString();
    assertThat(body).contains("livestream", "social_group", "offline");
    Map<String, Object> replay = replay();
    assertThat(replay.get("ok")).as("live figures equal a full replay: " + replay).isEqualTo(true);
  }

  private Map<String, Object> replay() {
    return JsonCalls.post(http, LedgerApiTest.ADMIN_KEY, "/api/v1/income/replay");
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
