package net.suyuan.ledger.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The resolver over real HTTP on a lineage written through the append API: content negotiation,
 * linkset, 400 and 404 paths, lineage three transformation levels deep (a merge of two lots and a
 * split into two grades), and a tampered upstream entry failing on the page and in the JSON.
 */
@LedgerApiTest
@OwnDatabase
@TestPropertySource(
    properties = {"ledger.resolver.cache-ttl=0s", "ledger.resolver.base=https://id.example.cn"})
class ResolverTest {
  @Autowired WebTestClient http;
  @Autowired Environment env;
  LineageScenario s;

  @BeforeEach
  void lineage() {
    s = new LineageScenario(http).write();
  }

  private String path(String lot) {
    return "/01/" + s.gtin + "/10/" + s.lot(lot);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> json(String uri) {
    return http.get()
        .uri(uri)
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private String html(String uri, String language, int status) {
    return http.get()
        .uri(uri)
        .accept(MediaType.TEXT_HTML)
        .header("Accept-Language", language)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object o, String... keys) {
    Object v = o;
    for (String k : keys) {
      v =
          v instanceof List
              ? ((List<Object>) v).get(Integer.parseInt(k))
              : ((Map<String, Object>) v).get(k);
    }
    return (T) v;
  }

  @Test
  void json_followsTheLineageBackToEveryHarvestAndHousehold() {
    Map<String, Object> p = json(path("P1"));
    assertThat(at(p, "id", "uri").toString())
        .isEqualTo("https://id.example.cn/01/" + s.gtin + "/10/" + s.lot("P1"));
    assertThat(at(p, "product", "name").toString()).isEqualTo("六枝小黄姜");
    assertThat(at(p, "lot", "madeBy").toString()).isEqualTo("packing");
    assertThat(at(p, "verification", "ok").toString()).isEqualTo("true");
    List<Map<String, Object>> up = at(p, "lineage", "upstream");
    assertThat(up)
        .extracting(l -> l.get("lotId") + "@" + l.get("depth"))
        .containsExactly(
            s.lot("GA") + "@1", s.lot("M1") + "@2", s.lot("H1") + "@3", s.lot("H2") + "@3");
    assertThat(at(up, "1", "madeBy").toString()).isEqualTo("merging");
    List<Map<String, Object>> deliveries = at(p, "origin", "deliveries");
    assertThat(deliveries)
        .extracting(d -> d.get("householdId") + ":" + d.get("quantity"))
        .containsExactlyInAnyOrder(s.hh("a") + ":6000", s.hh("b") + ":4000", s.hh("c") + ":5000");
    List<Map<String, Object>> bases = at(p, "origin", "bases");
    assertThat(bases)
        .extracting(b -> b.get("name") + ":" + b.get("delivered"))
        .containsExactlyInAnyOrder("东坡基地:10000", "西坡基地:5000");
    List<Map<String, Object>> inspections = at(p, "inspections");
    assertThat(inspections).hasSize(1);
    assertThat(at(inspections, "0", "standardTitle").toString()).isEqualTo("六枝小黄姜团体标准");
    assertThat(at(inspections, "0", "results", "1").toString())
        .contains("leaf_length_mm", "min=20", "max=40", "within=true");
    assertThat(at(p, "lineage", "sales", "0", "channel").toString()).isEqualTo("livestream");
    List<Map<String, Object>> timeline = at(p, "timeline");
    assertThat(timeline).allSatisfy(step -> assertThat(step.get("verified")).isEqualTo(true));
    // The grade B split (GB) and household enrolments are not part of P1's story.
    assertThat(timeline.toString())
        .doesNotContain(s.lot("GB") + "\", ")
        .doesNotContain("household.enrolled");
  }

  @Test
  void json_forAHarvestLot_followsItForwardToEveryLotAndSale() {
    Map<String, Object> p = json(path("H2"));
    List<Map<String, Object>> down = at(p, "lineage", "downstream");
    assertThat(down)
        .extracting(l -> l.get("lotId") + "@" + l.get("depth"))
        .containsExactly(
            s.lot("M1") + "@1", s.lot("GA") + "@2", s.lot("GB") + "@2", s.lot("P1") + "@3");
    assertThat(at(p, "lineage", "sales").toString()).contains("S-" + s.u);
    assertThat(at(p, "lineage", "upstream").toString()).isEqualTo("[]");
  }

  @Test
  void page_isChineseByDefaultAndEnglishOnRequest() {
    String zh = html(path("P1"), "zh-CN,zh;q=0.9,en;q=0.5", 200);
    assertThat(zh)
        .contains("lang=\"zh-CN\"", "六枝小黄姜", "记录已验证", "东坡基地", "六枝小黄姜团体标准", "合格")
        .contains(s.hh("a"))
        .doesNotContain("<script");
    String en = html(path("P1"), "en-GB,en;q=0.9", 200);
    assertThat(en).contains("lang=\"en\"", "Records verified", "Lineage", "livestream");
  }

  @Test
  void malformedHeaders_areNeverA500() {
    String page =
        http.get()
            .uri(path("P1"))
            .header("Accept-Language", "en_US;;q=x")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("记录已验证"); // an unreadable Accept-Language: the Chinese page
    // An unreadable Accept counts as absent (MalformedAcceptFilter): the page, as for a browser.
    http.get()
        .uri(path("P1"))
        .header("Accept", "text/html;;;=")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
  }

  @Test
  void acceptChoosesPageJsonOrLinkset() {
    http.get()
        .uri(path("P1"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    http.get()
        .uri(path("P1"))
        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .exchange()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML);
    http.get()
        .uri(path("P1") + "?linkType=gs1:traceability")
        .exchange()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
  }

  @Test
  void serializedUnit_carriesItsSerialInTheJsonAndOnThePage() {
    Map<String, Object> p = json(path("P1") + "/21/0042");
    assertThat(at(p, "id", "serial").toString()).isEqualTo("0042");
    assertThat(at(p, "id", "uri").toString()).endsWith(path("P1") + "/21/0042");
    assertThat(html(path("P1") + "/21/0042", "zh", 200)).contains("序列号 0042");
  }

  @Test
  void linkset_namesThePageAndTheTraceabilityJson() {
    for (String how : List.of("query", "accept")) {
      WebTestClient.RequestHeadersSpec<?> req =
          how.equals("query")
              ? http.get().uri(path("P1") + "?linkType=linkset")
              : http.get().uri(path("P1")).header("Accept", "application/linkset+json");
      String body =
          req.exchange()
              .expectStatus()
              .isOk()
              .expectHeader()
              .contentTypeCompatibleWith(ResolverController.LINKSET)
              .expectHeader()
              .valueMatches("Link", ".*rel=\"linkset\".*")
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(body)
          .contains("\"anchor\":\"https://id.example.cn" + path("P1") + "\"")
          .contains("https://gs1.org/voc/pip", "https://gs1.org/voc/traceability")
          .contains("/api/v1/lots/" + s.lot("P1") + "/provenance");
    }
  }

  @Test
  void wellKnownDescribesTheResolver() {
    Map<String, Object> d = json("/.well-known/gs1resolver");
    assertThat(d.get("resolverRoot")).isEqualTo("https://id.example.cn");
    assertThat(d.get("supportedPrimaryKeys")).isEqualTo(List.of("01"));
  }

  @Test
  void unknownLotOrOtherProduct_is404_asPageOrProblem() {
    assertThat(html("/01/" + s.gtin + "/10/NOPE-" + s.u, "zh", 404)).contains("没有找到这个产品批次");
    http.get()
        .uri("/01/" + s.gtin + "/10/NOPE-" + s.u)
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    String otherGtin = s.gtin.equals("06901234500004") ? "00000000000017" : "06901234500004";
    html("/01/" + otherGtin + "/10/" + s.lot("P1"), "en", 404);
    http.get()
        .uri("/api/v1/lots/NOPE-" + s.u + "/provenance")
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void malformedIdentifier_is400SayingWhatIsWrong() {
    String badCheck = s.gtin.substring(0, 13) + ((s.gtin.charAt(13) - '0' + 1) % 10);
    assertThat(html("/01/" + badCheck + "/10/L1", "en", 400)).contains("check digit");
    http.get()
        .uri("/01/" + badCheck + "/10/L1")
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("gtin");
    http.get()
        .uri("/01/" + s.gtin + "/10/ABCDEFGHIJKLMNOPQRSTUVW")
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("lot")
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).contains("longer than 20"));
    html("/01/" + s.gtin, "zh", 400);
  }

  @Test
  void lotResponseCarriesTheLabelUri() {
    Map<String, Object> lot = json("/api/v1/lots/" + s.lot("GA"));
    assertThat(lot.get("labelUri"))
        .isEqualTo("https://id.example.cn/01/" + s.gtin + "/10/" + s.lot("GA"));
    assertThat(lot.get("grade")).isEqualTo("A");
    http.get()
        .uri("/api/v1/lots/" + s.lot("GA") + "/events")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.labelUri")
        .isEqualTo("https://id.example.cn/01/" + s.gtin + "/10/" + s.lot("GA"));
  }

  @Test
  void tamperedUpstreamEntry_failsOnThePageAndInTheJson() throws Exception {
    Map<String, Object> before = json(path("P1"));
    List<Map<String, Object>> deliveries = at(before, "origin", "deliveries");
    long seq = ((Number) deliveries.get(0).get("seq")).longValue();
    try (Connection c = TestJdbc.connect(env)) {
      // Inflate a household's delivery in the stored bytes (and the stored hash with it).
      LedgerFixture.tamper(
          c,
          "UPDATE entry SET canonical = convert_to(replace(convert_from(canonical, 'UTF8'),"
              + " '\"quantity\":6000', '\"quantity\":9000'), 'UTF8'),"
              + " hash = sha256('\\x00'::bytea || convert_to(replace(convert_from(canonical, 'UTF8'),"
              + " '\"quantity\":6000', '\"quantity\":9000'), 'UTF8'))"
              + " WHERE ledger_id = 'main' AND seq = "
              + seq);
    }
    Map<String, Object> after = json(path("P1"));
    assertThat(at(after, "verification", "ok").toString()).isEqualTo("false");
    assertThat(at(after, "verification", "failed").toString()).contains(String.valueOf(seq));
    List<Map<String, Object>> timeline = at(after, "timeline");
    Map<String, Object> bad =
        timeline.stream()
            .filter(t -> ((Number) t.get("seq")).longValue() == seq)
            .findFirst()
            .orElseThrow();
    assertThat(bad.get("verified")).isEqualTo(false);
    assertThat(at(bad, "failure", "kind").toString()).isEqualTo("broken_link");
    String page = html(path("P1"), "zh", 200);
    assertThat(page).contains("验证失败", "#" + seq).doesNotContain("记录已验证");
  }

  @Test
  void entryOverwrittenWithBytesThatAreNotJson_failsThePageInsteadOfBreakingIt() throws Exception {
    Map<String, Object> before = json(path("P1"));
    List<Map<String, Object>> upstream = at(before, "lineage", "upstream");
    long seq = ((Number) upstream.get(0).get("createdSeq")).longValue(); // made one level up
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.tamper(
          c,
          "UPDATE entry SET canonical = '\\xfffe6e6f74206a736f6e'::bytea"
              + " WHERE ledger_id = 'main' AND seq = "
              + seq);
    }
    Map<String, Object> after = json(path("P1"));
    assertThat(at(after, "verification", "ok").toString()).isEqualTo("false");
    assertThat(at(after, "verification", "failed").toString()).contains(String.valueOf(seq));
    // The walk does not read the entries' bytes: the same entries are shown, back to every harvest.
    List<Map<String, Object>> shownBefore = at(before, "timeline");
    List<Map<String, Object>> shownAfter = at(after, "timeline");
    assertThat(shownAfter.stream().map(t -> t.get("seq")).toList())
        .isEqualTo(shownBefore.stream().map(t -> t.get("seq")).toList());
    String page = html(path("P1"), "en", 200);
    assertThat(page).contains("#" + seq);
    assertThat(html(path("P1"), "zh", 200)).contains("验证失败").doesNotContain("记录已验证");
  }
}
