package net.suyuan.ledger.api.income;

import static net.suyuan.ledger.api.support.JsonCalls.map;
import static net.suyuan.ledger.api.support.JsonCalls.num;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import net.suyuan.ledger.api.income.projection.IncomeProjectionHealthIndicator;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.projection.ProjectionStatus;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.JsonCalls;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.income.DateRange;
import net.suyuan.ledger.core.income.HouseholdIncome;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11, defect 2 (projection side): an entry already stored that the projection cannot take (a
 * timestamp PostgreSQL refuses, a total that overflows) stops the projection visibly — health DOWN,
 * the failure metrics, and every income response saying how far behind it is and why — and it
 * retries with a bounded back-off without replaying the ledger again while the entry is unchanged.
 * The entries are sealed onto the chain directly (validly linked, as an older version of the append
 * path accepted them). Each test puts the ledger back and the projection recovers.
 */
@LedgerApiTest
@OwnDatabase
@TestPropertySource(properties = {"ledger.id=income-failure-test", "ledger.income.max-backoff=1s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeProjectionFailureTest {
  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired WebTestClient http;
  @Autowired IncomeProjector projector;
  @Autowired IncomeProjectionHealthIndicator health;
  @Autowired MeterRegistry meters;
  @Autowired Environment env;

  TamperedLedger ledger;
  IncomeWorkload w;
  IncomeClient.Core core;
  String auditorKey;

  @BeforeAll
  void writeWorkload() throws Exception {
    long seed = Long.getLong("income.seed", System.nanoTime());
    System.out.println("[income-failure-test] seed " + seed);
    String u = UUID.randomUUID().toString().substring(0, 6);
    w =
        new IncomeWorkload(
                seed, u, "fp1-" + u, "fp2-" + u, "fca-" + u, "fcb-" + u, "fpr-" + u, "fse-" + u)
            .generate(80);
    AdminClient admin = new AdminClient(http);
    Map<String, String> keys = w.registerOrgs(admin);
    auditorKey = admin.orgWithKey("faud-" + u, "auditor");
    IncomeClient client = new IncomeClient(http);
    long last = client.post(w.steps, keys);
    assertThat(projector.awaitWatermark(last, WAIT)).isTrue();
    core = client.recompute();
    ledger = new TamperedLedger(env, "income-failure-test");
    ledger.keepCopy();
  }

  @AfterEach
  void putBack() throws Exception {
    ledger.restore();
    assertThat(
            projector.awaitStatus(
                s -> !s.failed() && s.appliedSeq() == core.head() && s.headSeq() == core.head(),
                WAIT))
        .as("projection recovered: %s", projector.status())
        .isTrue();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(meters.get("ledger.income.projection.failed").gauge().value()).isZero();
  }

  @Test
  void wageDatedYear0_stopsTheProjectionVisibly_withoutReplayingAgain() throws Exception {
    WageRecorded wage =
        (WageRecorded)
            w.steps.stream()
                .map(IncomeWorkload.Step::event)
                .filter(e -> e instanceof WageRecorded)
                .findFirst()
                .orElseThrow();
    String body =
        new String(Jcs.canonicalize(wage.toBody()), StandardCharsets.UTF_8)
            .replaceFirst(
                "\"occurredAt\":\"[^\"]*\"", "\"occurredAt\":\"0000-01-01T00:00:00.000Z\"");
    stopsVisiblyAt(append(WageRecorded.TYPE, body), wage.householdId().value());
  }

  @Test
  void saleWhoseGrossOverflows_stopsTheProjectionVisibly_withoutReplayingAgain() throws Exception {
    SaleRecorded sale =
        (SaleRecorded)
            w.steps.stream()
                .map(IncomeWorkload.Step::event)
                .filter(e -> e instanceof SaleRecorded)
                .findFirst()
                .orElseThrow();
    long per = sale.pricePer().value();
    String body =
        new String(Jcs.canonicalize(sale.toBody()), StandardCharsets.UTF_8)
            .replaceFirst("\"saleId\":\"", "\"saleId\":\"HUGE-")
            .replaceFirst("\"quantity\":[0-9]+", "\"quantity\":" + per * 4096)
            .replaceFirst("\"unitPriceFen\":[0-9]+", "\"unitPriceFen\":9007199254740991");
    String household = core.lines().get(0).householdId().value();
    stopsVisiblyAt(append(SaleRecorded.TYPE, body), household);
  }

  private long append(String type, String body) throws Exception {
    EntryHash head = new EntryHash(ledger.hash(core.head()));
    long seq =
        ledger
            .appendAfterHead(actorOf(core.head()), type, (JsonObject) JsonParser.parse(body), head)
            .seq();
    projector.wake();
    return seq;
  }

  private void stopsVisiblyAt(long seq, String household) throws Exception {
    assertThat(
            projector.awaitStatus(
                s -> s.failed() && s.failure().seq() != null && s.failure().seq() == seq, WAIT))
        .as("projection stopped at %d: %s", seq, projector.status())
        .isTrue();
    ProjectionStatus status = projector.status();
    assertThat(status.failure().kind()).isIn("store_refused", "event_rejected");
    assertThat(status.appliedSeq()).isEqualTo(seq - 1);
    assertThat(status.behind()).isEqualTo(1);

    // health: the component is DOWN with the evidence, and so is the overall status
    Health h = health.health();
    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
    assertThat(h.getDetails()).containsEntry("behind", 1L).containsKey("failure");
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("DOWN");

    // metrics
    assertThat(meters.get("ledger.income.projection.failed").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("ledger.income.projection.lag").gauge().value()).isEqualTo(1.0);

    // every income response: how far, how far behind, why
    Map<String, Object> income = get("/api/v1/households/" + household + "/income", auditorKey);
    Map<String, Object> projection = map(income.get("projection"));
    assertThat(num(projection, "appliedSeq")).isEqualTo(seq - 1);
    assertThat(num(projection, "headSeq")).isEqualTo(seq);
    assertThat(num(projection, "behind")).isEqualTo(1);
    assertThat(num(map(projection.get("failure")), "seq")).isEqualTo(seq);
    assertThat((String) map(projection.get("failure")).get("reason")).contains(Long.toString(seq));
    HouseholdIncome want =
        HouseholdIncome.summarize(HouseholdId.of(household), DateRange.ALL, core.lines());
    assertThat(num(income, "netIncome")).isEqualTo(want.netIncomeFen());
    Map<String, Object> summary =
        get("/api/v1/programs/" + w.program1 + "/summary?year=2022", null);
    assertThat(num(map(map(summary.get("projection")).get("failure")), "seq")).isEqualTo(seq);

    // the tables agree with the verified ledger up to the watermark
    Map<String, Object> replay = post("/api/v1/income/replay", auditorKey);
    assertThat(replay.get("ok")).as("replay %s", replay).isEqualTo(true);
    assertThat(num(replay, "asOfSeq")).isEqualTo(seq - 1);

    // retries back off and replay nothing while the entry stays as it is
    long rebuilds = projector.rebuilds();
    long attempts = status.attempts();
    assertThat(projector.awaitStatus(s -> s.attempts() >= attempts + 3, WAIT)).isTrue();
    assertThat(projector.rebuilds()).isEqualTo(rebuilds);
    assertThat(projector.status().failure()).isEqualTo(status.failure());
  }

  private String actorOf(long seq) throws Exception {
    JsonObject entry = (JsonObject) JsonParser.parse(ledger.canonical(seq));
    return new String(Jcs.canonicalize(entry.get("actor").orElseThrow()), StandardCharsets.UTF_8)
        .replace("\"", "");
  }

  private Map<String, Object> get(String uri, String key) {
    return JsonCalls.get(http, key, uri);
  }

  private Map<String, Object> post(String uri, String key) {
    return JsonCalls.post(http, key, uri);
  }
}
