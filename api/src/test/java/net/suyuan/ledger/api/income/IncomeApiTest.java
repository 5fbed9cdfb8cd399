package net.suyuan.ledger.api.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.replay.IncomeReplay;
import net.suyuan.ledger.api.income.replay.ReplayReport;
import net.suyuan.ledger.api.income.web.HouseholdsCsv;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.JsonCalls;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.income.ChannelFigures;
import net.suyuan.ledger.core.income.DateRange;
import net.suyuan.ledger.core.income.HouseholdIncome;
import net.suyuan.ledger.core.income.IncomeKind;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.ProgramFigures;
import net.suyuan.ledger.core.income.Ratio;
import net.suyuan.ledger.core.income.RevenueLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 5 end to end: a seeded random workload through the append API, then every income endpoint
 * against the core's own recomputation from the exported ledger, the replay check, and the totals.
 */
// Its own ledger (and so its own context and database): tests sharing the default context replace
// ledger "main" with fixtures, some of them tampered, which the projector rightly cannot read.
@LedgerApiTest
// Channel unit prices capped at one product, so program 1 (two products) shows the cap and count.
@TestPropertySource(
    properties = {"ledger.id=income-api-test", "ledger.income.channel-price-products=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeApiTest {
  @Autowired WebTestClient http;
  @Autowired IncomeProjector projector;
  @Autowired IncomeReplay replay;

  IncomeWorkload w;
  Map<String, String> keys = new HashMap<>();
  String auditorKey;
  IncomeClient.Core core;

  @BeforeAll
  void writeWorkload() throws Exception {
    long seed = Long.getLong("income.seed", System.nanoTime());
    System.out.println("[income-test] seed " + seed + " (rerun with -Dincome.seed=" + seed + ")");
    String u = UUID.randomUUID().toString().substring(0, 6);
    AdminClient admin = new AdminClient(http);
    w =
        new IncomeWorkload(
                seed,
                u,
                "prog1-" + u,
                "prog2-" + u,
                "coopa-" + u,
                "coopb-" + u,
                "proc-" + u,
                "sell-" + u)
            .generate(Integer.getInteger("income.steps", 400));
    keys.putAll(w.registerOrgs(admin));
    auditorKey = admin.orgWithKey("audit-" + u, "auditor");
    IncomeClient client = new IncomeClient(http);
    long last = client.post(w.steps, keys);
    assertThat(projector.awaitWatermark(last, Duration.ofSeconds(60))).isTrue();
    core = client.recompute();
    // the workload exercises what it should: every channel, refunds, wages and payouts
    assertThat(core.revenue().stream().map(r -> r.sale().channel()).distinct())
        .hasSize(Channel.values().length);
    assertThat(core.revenue().stream().filter(r -> r.kind() == IncomeKind.REFUND)).isNotEmpty();
    assertThat(core.lines().stream().map(IncomeLine::kind).distinct())
        .hasSize(IncomeKind.values().length);
    assertThat(projector.awaitWatermark(core.head(), Duration.ofSeconds(60))).isTrue();
  }

  @Test
  void replay_afterRandomWorkload_equalsLiveTables() throws Exception {
    ReplayReport direct = replay.check();
    assertThat(direct.differences()).isEmpty();
    assertThat(direct.ok()).isTrue();
    assertThat(direct.asOfSeq()).isGreaterThanOrEqualTo(core.head());

    Map<String, Object> report =
        post("/api/v1/income/replay", auditorKey, Map.class).returnResult().getResponseBody();
    assertThat(report.get("differences")).isEqualTo(List.of());
    assertThat(report.get("ok")).isEqualTo(true);
    assertThat(((Number) report.get("entriesReplayed")).longValue()).isGreaterThan(core.head());
  }

  @Test
  void household_everyHouseholdAndPeriod_equalsCoreRecomputation() {
    List<DateRange> ranges =
        List.of(
            DateRange.ALL,
            DateRange.year(2021),
            DateRange.year(2022),
            new DateRange(LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1)));
    for (String hh : w.households) {
      for (DateRange range : ranges) {
        boolean all = range.equals(DateRange.ALL);
        String uri =
            "/api/v1/households/"
                + hh
                + "/income"
                + (all ? "?detail=entries" : "?from=" + range.from() + "&to=" + range.to());
        Map<String, Object> got = get(uri, keys.get(w.program1));
        HouseholdIncome want = HouseholdIncome.summarize(HouseholdId.of(hh), range, core.lines());
        assertThat(got.get("householdId")).isEqualTo(hh);
        assertThat(got.get("currency")).isEqualTo("CNY");
        assertThat(num(got, "salesIncome")).as(hh + " " + range).isEqualTo(want.salesIncomeFen());
        assertThat(num(got, "wages")).isEqualTo(want.wagesFen());
        assertThat(num(got, "netIncome")).isEqualTo(want.netIncomeFen());
        assertThat(num(got, "paidOut")).isEqualTo(want.paidOutFen());
        assertThat(num(got, "owed")).isEqualTo(want.owedFen());
        Map<String, Object> byChannel = map(got.get("byChannel"));
        for (Channel c : Channel.values()) {
          assertThat(num(byChannel, c.wire())).isEqualTo(want.byChannel().get(c));
        }
        List<Map<String, Object>> months = list(got.get("byMonth"));
        assertThat(months).hasSize(want.byMonth().size());
        for (int i = 0; i < months.size(); i++) {
          HouseholdIncome.MonthIncome m = want.byMonth().get(i);
          assertThat(months.get(i).get("month")).isEqualTo(m.month().toString());
          assertThat(num(months.get(i), "salesIncome")).isEqualTo(m.salesIncomeFen());
          assertThat(num(months.get(i), "wages")).isEqualTo(m.wagesFen());
          assertThat(num(months.get(i), "paidOut")).isEqualTo(m.paidOutFen());
        }
        if (all) {
          Map<String, Object> entries = map(got.get("entries"));
          for (HouseholdIncome.Figure f : HouseholdIncome.Figure.values()) {
            String name = figureName(f);
            List<Long> seqs =
                list(entries.get(name)).stream()
                    .map(o -> ((Number) (Object) o).longValue())
                    .toList();
            assertThat(seqs)
                .as(hh + " " + name)
                .isEqualTo(HouseholdIncome.seqsBehind(f, HouseholdId.of(hh), range, core.lines()));
          }
        }
      }
    }
  }

  @Test
  void totals_sumOverHouseholdsEqualsNetRevenue() {
    long households = 0;
    for (String hh : w.households) {
      households += num(get("/api/v1/households/" + hh + "/income", auditorKey), "salesIncome");
    }
    Set<String> gtins = Set.of(w.gtinA, w.gtinB, w.gtinC);
    long net =
        core.revenue().stream()
            .filter(r -> gtins.contains(r.sale().gtin().value()))
            .mapToLong(RevenueLine::netFen)
            .sum();
    assertThat(households).isEqualTo(net);
    // and through the program endpoints: what reached households in each channel and year
    long programs = 0;
    for (String org : List.of(w.program1, w.program2)) {
      for (int year = 2020; year <= 2023; year++) {
        Map<String, Object> channels =
            get("/api/v1/programs/" + org + "/channels?year=" + year, null);
        for (Map<String, Object> c : maps(channels.get("channels"))) {
          programs += num(c, "reachedHouseholdsNet");
        }
      }
    }
    assertThat(programs).isEqualTo(net);
    // the whole ledger: household lines of sales and refunds add up to revenue net
    long lines =
        core.lines().stream().filter(l -> l.kind().ofSale()).mapToLong(IncomeLine::amountFen).sum();
    assertThat(lines).isEqualTo(core.revenue().stream().mapToLong(RevenueLine::netFen).sum());
  }

  @Test
  void programs_summaryAndChannels_equalCoreProgramFigures() {
    long omittedSeen = 0;
    for (String org : List.of(w.program1, w.program2)) {
      Set<String> gtins = org.equals(w.program1) ? Set.of(w.gtinA, w.gtinB) : Set.of(w.gtinC);
      for (int year : List.of(2021, 2022)) {
        ProgramFigures cur = figures(gtins, year);
        ProgramFigures prev = figures(gtins, year - 1);
        Map<String, Object> s = get("/api/v1/programs/" + org + "/summary?year=" + year, null);
        assertThat(num(s, "onlineSalesRevenue")).isEqualTo(cur.onlineRevenueFen());
        assertThat(num(s, "revenue")).isEqualTo(cur.revenueFen());
        assertThat(num(s, "participatingHouseholds")).isEqualTo(cur.participatingHouseholds());
        assertThat(num(s, "householdNetIncome")).isEqualTo(cur.householdNetIncomeFen());
        assertThat(s.get("averageNetIncomePerHouseholdExact"))
            .isEqualTo(cur.averageNetIncomePerHousehold().map(Ratio::toString).orElse(null));
        assertThat(optNum(s, "averageNetIncomePerHousehold"))
            .isEqualTo(cur.averageNetIncomePerHousehold().map(Ratio::rounded).orElse(null));
        Map<String, Object> p = map(s.get("previousYear"));
        assertThat(num(p, "onlineSalesRevenue")).isEqualTo(prev.onlineRevenueFen());
        assertThat(num(p, "participatingHouseholds")).isEqualTo(prev.participatingHouseholds());
        Map<String, Object> growth = map(s.get("growth"));
        assertThat(growth.get("averageNetIncomePerHousehold"))
            .isEqualTo(
                prev.averageNetIncomePerHousehold()
                    .flatMap(
                        a -> cur.averageNetIncomePerHousehold().flatMap(b -> Ratio.growth(a, b)))
                    .map(Ratio::percent)
                    .orElse(null));
        assertThat(growth.get("onlineSalesRevenue"))
            .isEqualTo(
                Ratio.growth(prev.onlineRevenueFen(), cur.onlineRevenueFen())
                    .map(Ratio::percent)
                    .orElse(null));

        Map<String, Object> ch = get("/api/v1/programs/" + org + "/channels?year=" + year, null);
        for (Map<String, Object> c : maps(ch.get("channels"))) {
          Channel channel = Channel.fromWire((String) c.get("channel")).orElseThrow();
          ChannelFigures f = cur.byChannel().get(channel);
          assertThat(num(c, "revenue")).isEqualTo(f.revenueFen());
          assertThat(num(c, "householdsReached")).isEqualTo(f.householdsReached());
          assertThat(num(c, "householdIncome")).isEqualTo(f.householdIncomeFen());
          assertThat(c.get("averageIncomePerHouseholdExact"))
              .isEqualTo(f.averageIncomePerHousehold().map(Ratio::toString).orElse(null));
          assertThat(c.get("refundRate"))
              .isEqualTo(f.refundRate().map(Ratio::percent).orElse(null));
          assertThat(c.get("householdShare"))
              .isEqualTo(f.householdShare().map(Ratio::percent).orElse(null));
          // listed: of the program's first product in GTIN order (the cap is 1), if it sold here;
          // omitted: the program's other products sold in the channel
          List<String> sold =
              gtins.stream()
                  .sorted()
                  .filter(g -> cur.averageUnitPrice(Gtin.of(g), Optional.of(channel)).isPresent())
                  .toList();
          String first = gtins.stream().sorted().findFirst().orElseThrow();
          List<String> listed = sold.contains(first) ? List.of(first) : List.of();
          assertThat(maps(c.get("averageUnitPrices")))
              .extracting(price -> (String) price.get("gtin"))
              .containsExactlyElementsOf(listed);
          assertThat(num(c, "averageUnitPricesOmitted")).isEqualTo(sold.size() - listed.size());
          omittedSeen += sold.size() - listed.size();
          for (Map<String, Object> price : maps(c.get("averageUnitPrices"))) {
            Gtin gtin = Gtin.of((String) price.get("gtin"));
            assertThat(price.get("exact"))
                .isEqualTo(
                    cur.averageUnitPrice(gtin, Optional.of(channel))
                        .map(Ratio::toString)
                        .orElse(null));
          }
        }
      }
    }
    // the workload sells both of program 1's products: the cap really cut something
    assertThat(omittedSeen).isPositive();
  }

  @Test
  void premium_equalsCorePremiumAgainstReferencePrice() {
    for (int year : List.of(2021, 2022)) {
      ProgramFigures f = figures(Set.of(w.gtinA, w.gtinB, w.gtinC), year);
      Map<String, Object> a = get("/api/v1/products/" + w.gtinA + "/premium?year=" + year, null);
      ReferencePrice ref = new ReferencePrice(Fen.of(5000), Quantity.of(500));
      assertThat(a.get("premium"))
          .isEqualTo(f.premium(Gtin.of(w.gtinA), ref).map(Ratio::percent).orElse(null));
      assertThat(a.get("premiumExact"))
          .isEqualTo(f.premium(Gtin.of(w.gtinA), ref).map(Ratio::toString).orElse(null));
      Map<String, Object> b = get("/api/v1/products/" + w.gtinB + "/premium?year=" + year, null);
      assertThat(b.get("referencePrice")).isNull();
      assertThat(b.get("premium")).isNull();
    }
  }

  @Test
  void householdsCsv_parsesBackToTheSameFigures() {
    for (int year : List.of(2021, 2022)) {
      byte[] body =
          http.get()
              .uri("/api/v1/programs/" + w.program1 + "/households.csv?year=" + year)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + auditorKey)
              .exchange()
              .expectStatus()
              .isOk()
              .expectHeader()
              .contentTypeCompatibleWith("text/csv")
              .expectBody(byte[].class)
              .returnResult()
              .getResponseBody();
      String csv = new String(body, StandardCharsets.UTF_8);
      assertThat(csv).endsWith("\r\n");
      String[] rows = csv.split("\r\n");
      assertThat(rows[0]).isEqualTo(HouseholdsCsv.HEADER);
      Map<String, long[]> want = csvExpectation(Set.of(w.gtinA, w.gtinB), year);
      assertThat(rows.length - 1).isEqualTo(want.size());
      ProgramFigures f = figures(Set.of(w.gtinA, w.gtinB), year);
      long netSum = 0;
      for (int i = 1; i < rows.length; i++) {
        String[] cells = rows[i].split(",", -1);
        assertThat(cells).hasSize(10);
        long[] v = want.get(cells[0]);
        assertThat(v).as(cells[0]).isNotNull();
        assertThat(cells[1]).isEqualTo(w.cooperativeOf.get(cells[0]));
        for (int k = 0; k < 8; k++) {
          assertThat(Long.parseLong(cells[2 + k]))
              .as(cells[0] + " column " + (2 + k))
              .isEqualTo(v[k]);
        }
        netSum += Long.parseLong(cells[4]);
      }
      assertThat(netSum).isEqualTo(f.householdNetIncomeFen());
    }
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Core program figures over the program's sale and refund lines and every wage line: core applies
   * the same definition of a participating household as the api (only their wages count).
   */
  private ProgramFigures figures(Set<String> gtins, int year) {
    DateRange range = DateRange.year(year);
    List<RevenueLine> revenue =
        core.revenue().stream().filter(r -> gtins.contains(r.sale().gtin().value())).toList();
    List<IncomeLine> lines =
        core.lines().stream()
            .filter(
                l ->
                    l.kind() == IncomeKind.WAGE
                        || l.sale().map(s -> gtins.contains(s.gtin().value())).orElse(false))
            .toList();
    return ProgramFigures.of(range, revenue, lines);
  }

  /**
   * householdId -> salesIncome, wages, netIncome, paidOut, platform, livestream, social, offline.
   */
  private Map<String, long[]> csvExpectation(Set<String> gtins, int year) {
    DateRange range = DateRange.year(year);
    Map<String, long[]> out = new TreeMap<>();
    for (IncomeLine l : core.lines()) {
      if (range.contains(l.date())
          && l.sale().map(s -> gtins.contains(s.gtin().value())).orElse(false)) {
        long[] v = out.computeIfAbsent(l.householdId().value(), k -> new long[8]);
        v[0] += l.amountFen();
        v[4 + l.channel().orElseThrow().ordinal()] += l.amountFen();
      }
    }
    for (IncomeLine l : core.lines()) {
      long[] v = out.get(l.householdId().value());
      if (v != null && range.contains(l.date())) {
        if (l.kind() == IncomeKind.WAGE) {
          v[1] += l.amountFen();
        } else if (l.kind() == IncomeKind.PAYOUT) {
          v[3] += l.amountFen();
        }
      }
    }
    out.values().forEach(v -> v[2] = v[0] + v[1]);
    return out;
  }

  private static String figureName(HouseholdIncome.Figure f) {
    switch (f) {
      case SALES_INCOME:
        return "salesIncome";
      case WAGES:
        return "wages";
      case NET_INCOME:
        return "netIncome";
      case PAID_OUT:
        return "paidOut";
      default:
        return "owed";
    }
  }

  private Map<String, Object> get(String uri, String key) {
    return JsonCalls.get(http, key, uri);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private WebTestClient.BodySpec<Map, ?> post(String uri, String key, Class<Map> type) {
    return http.post()
        .uri(uri)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(type);
  }

  static long num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  static Long optNum(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? null : ((Number) v).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> maps(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> list(Object o) {
    return (List<T>) o;
  }
}
