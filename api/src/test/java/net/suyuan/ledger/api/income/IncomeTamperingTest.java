package net.suyuan.ledger.api.income;

import static net.suyuan.ledger.api.support.JsonCalls.map;
import static net.suyuan.ledger.api.support.JsonCalls.num;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.projection.ProjectionStatus;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.JsonCalls;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.income.DateRange;
import net.suyuan.ledger.core.income.HouseholdIncome;
import net.suyuan.ledger.core.income.IncomeKind;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11, defect 6: income must not hide tampering. A workload goes in through the API; then
 * entries are rewritten, deleted or forged in the database (as a superuser can) and the income
 * tables are rebuilt. The projection verifies the chain as it reads it and stops at the first entry
 * that fails, where the audit does; income responses say so and carry only figures of the verified
 * prefix; the replay check reports the failure (never a 500). Each test puts the ledger back.
 */
@LedgerApiTest
@OwnDatabase
@TestPropertySource(properties = {"ledger.id=income-tamper-test", "ledger.income.max-backoff=1s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomeTamperingTest {
  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired WebTestClient http;
  @Autowired IncomeProjector projector;
  @Autowired Environment env;

  TamperedLedger ledger;
  IncomeClient.Core core;
  String auditorKey;
  long sale; // a sale entry in the middle of the chain
  String household; // a household with a line at that sale

  @BeforeAll
  void writeWorkload() throws Exception {
    long seed = Long.getLong("income.seed", System.nanoTime());
    System.out.println(
        "[income-tamper-test] seed " + seed + " (rerun with -Dincome.seed=" + seed + ")");
    String u = UUID.randomUUID().toString().substring(0, 6);
    IncomeWorkload w =
        new IncomeWorkload(
                seed, u, "tp1-" + u, "tp2-" + u, "tca-" + u, "tcb-" + u, "tpr-" + u, "tse-" + u)
            .generate(150);
    AdminClient admin = new AdminClient(http);
    Map<String, String> keys = w.registerOrgs(admin);
    auditorKey = admin.orgWithKey("taud-" + u, "auditor");
    IncomeClient client = new IncomeClient(http);
    long last = client.post(w.steps, keys);
    assertThat(projector.awaitWatermark(last, WAIT)).isTrue();
    core = client.recompute();
    List<IncomeLine> sales =
        core.lines().stream().filter(l -> l.kind() == IncomeKind.SALE).toList();
    IncomeLine middle = sales.get(sales.size() / 2);
    sale = middle.seq();
    household = middle.householdId().value();
    assertThat(sale).isLessThan(core.head() - 1);
    ledger = new TamperedLedger(env, "income-tamper-test");
    ledger.keepCopy();
  }

  @AfterEach
  void putBack() throws Exception {
    ledger.restore();
    ledger.reproject();
    assertThat(
            projector.awaitStatus(
                s -> !s.failed() && s.appliedSeq() == core.head() && s.headSeq() == core.head(),
                WAIT))
        .as("projection back to the intact head: %s", projector.status())
        .isTrue();
  }

  @Test
  void rewrittenAmount_keepingItsStoredHash_reprojected_stopsAtThatSeq() throws Exception {
    ledger.rewrite(sale, morePrice(sale), false);
    ledger.reproject();

    assertStoppedAt(sale, "hash_mismatch", sale - 1);
    assertReplayFails(sale, "hash_mismatch");
  }

  @Test
  void rewrittenAmount_withItsHashRecomputed_isNotCounted_brokenLinkAfterIt() throws Exception {
    ledger.rewrite(sale, morePrice(sale), true);
    ledger.reproject();

    // the rewritten entry verifies on its own; the next one's prev shows it was changed, so it is
    // never applied (the audit reports the same seq and kind)
    assertStoppedAt(sale + 1, "broken_link", sale - 1);
    assertReplayFails(sale + 1, "broken_link");
  }

  @Test
  void deletedEntry_isReportedByTheReplay_andStopsTheRebuiltProjectionThere() throws Exception {
    ledger.delete(sale);
    // the tables still count the deleted entry: the replay check says so
    assertReplayFails(sale, "seq_gap");

    ledger.reproject();
    // nothing vouches for the entry before the gap (the next stored entry names another hash)
    assertStoppedAt(sale, "seq_gap", sale - 2);
    assertReplayFails(sale, "seq_gap");
  }

  @Test
  void insertedEntry_withAWrongLink_isNeverCounted() throws Exception {
    JsonObject forgedSale = bodyOf(sale);
    long forged =
        ledger.appendAfterHead("forger", "sale.recorded", forgedSale, EntryHash.ZERO).seq();
    projector.wake();

    assertStoppedAt(forged, "broken_link", core.head());
    assertReplayFails(forged, "broken_link");
  }

  @Test
  void nonJsonBytes_areReportedAsTheAuditDoes_neverA500() throws Exception {
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    ledger.rewrite(sale, garbage, true);
    // before re-projecting, the replay of the tables reports the unreadable entry
    assertReplayFails(sale, "unparseable");

    ledger.reproject();
    assertStoppedAt(sale, "unparseable", sale - 2);
  }

  /**
   * The projection stops with the failure the audit reports, the figures are those of the verified
   * entries up to {@code applied} (the core's own recomputation over them), and every income
   * response says how far they go and why they stop.
   */
  private void assertStoppedAt(long seq, String kind, long applied) throws Exception {
    assertThat(
            projector.awaitStatus(
                s -> s.failed() && s.failure().seq() != null && s.failure().seq() == seq, WAIT))
        .as("projection stopped at %d: %s", seq, projector.status())
        .isTrue();
    ProjectionStatus status = projector.status();
    assertThat(status.failure().kind()).isEqualTo(kind);
    assertThat(status.appliedSeq()).isEqualTo(applied);

    Map<String, Object> audit = JsonCalls.get(http, null, "/api/v1/audit");
    assertThat(map(audit.get("firstFailure")).get("kind")).isEqualTo(kind);
    assertThat(num(map(audit.get("firstFailure")), "seq")).isEqualTo(seq);

    Map<String, Object> income = income(household);
    Map<String, Object> projection = map(income.get("projection"));
    assertThat(num(projection, "appliedSeq")).isEqualTo(applied);
    assertThat(num(income, "asOfSeq")).isEqualTo(applied);
    assertThat(projection.get("appliedHash")).isEqualTo(new EntryHash(hashAt(applied)).hex());
    assertThat(num(projection, "behind")).isEqualTo(num(projection, "headSeq") - applied);
    Map<String, Object> failure = map(projection.get("failure"));
    assertThat(num(failure, "seq")).isEqualTo(seq);
    assertThat(failure.get("kind")).isEqualTo(kind);
    assertThat((String) failure.get("reason")).isNotBlank();

    List<IncomeLine> verified = core.lines().stream().filter(l -> l.seq() <= applied).toList();
    HouseholdIncome want =
        HouseholdIncome.summarize(HouseholdId.of(household), DateRange.ALL, verified);
    assertThat(num(income, "salesIncome")).isEqualTo(want.salesIncomeFen());
    assertThat(num(income, "netIncome")).isEqualTo(want.netIncomeFen());
    assertThat(num(income, "paidOut")).isEqualTo(want.paidOutFen());
  }

  private void assertReplayFails(long seq, String kind) {
    Map<String, Object> report = JsonCalls.post(http, auditorKey, "/api/v1/income/replay");
    assertThat(report.get("ok")).isEqualTo(false);
    Map<String, Object> failure = map(report.get("failure"));
    assertThat(failure).as("replay failure in %s", report).isNotNull();
    assertThat(num(failure, "seq")).isEqualTo(seq);
    assertThat(failure.get("kind")).isEqualTo(kind);
  }

  private Map<String, Object> income(String hh) {
    return JsonCalls.get(http, auditorKey, "/api/v1/households/{hh}/income", hh);
  }

  private byte[] hashAt(long seq) throws Exception {
    return ledger.hash(seq);
  }

  /** The entry with its unit price prefixed by a 9: a larger amount, still a valid sale. */
  private byte[] morePrice(long seq) throws Exception {
    String s = new String(ledger.canonical(seq), StandardCharsets.UTF_8);
    String changed = s.replaceFirst("\"unitPriceFen\":", "\"unitPriceFen\":9");
    assertThat(changed).isNotEqualTo(s);
    return changed.getBytes(StandardCharsets.UTF_8);
  }

  /** A copy of the body of the sale at {@code seq}, as a new sale. */
  private JsonObject bodyOf(long seq) throws Exception {
    JsonObject entry = (JsonObject) JsonParser.parse(ledger.canonical(seq));
    String body =
        new String(Jcs.canonicalize(entry.get("body").orElseThrow()), StandardCharsets.UTF_8);
    return (JsonObject)
        JsonParser.parse(body.replaceFirst("\"saleId\":\"", "\"saleId\":\"FORGED-"));
  }
}
