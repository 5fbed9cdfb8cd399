package net.suyuan.ledger.api.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.replay.IncomeReplay;
import net.suyuan.ledger.api.income.replay.ReplayReport;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerApps;
import net.suyuan.ledger.api.support.TestDatabase;
import net.suyuan.ledger.api.support.TestDatabases;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two API instances on one database take turns on the watermark: appends through either are
 * projected exactly once, both replay checks agree with the tables, and a tampered line is reported
 * as a difference (so the check is not vacuous). A restarted instance rebuilds its state by replay.
 */
@Tag("integration")
class IncomeTwoInstancesTest {

  @Test
  void twoInstances_appendsThroughBoth_liveEqualsReplay_tamperingIsReported() throws Exception {
    TestDatabase db = TestDatabases.fresh();
    String admin = "--LEDGER_ADMIN_KEY=" + LedgerApiTest.ADMIN_KEY;
    try (ConfigurableApplicationContext a = LedgerApps.start(db, admin);
        ConfigurableApplicationContext b = LedgerApps.start(db, admin)) {
      WebTestClient httpA = client(a);
      WebTestClient httpB = client(b);
      long seed = Long.getLong("income.seed", System.nanoTime());
      System.out.println("[income-test] two instances, seed " + seed);
      IncomeWorkload w =
          new IncomeWorkload(seed, "two", "pa", "pb", "coa", "cob", "pro", "sel").generate(300);
      AdminClient orgs = new AdminClient(httpA);
      Map<String, String> keys = new HashMap<>();
      for (String org : List.of(w.program1, w.program2)) {
        keys.put(org, orgs.orgWithKey(org, "social_org"));
      }
      keys.put(w.coopA, orgs.orgWithKey(w.coopA, "cooperative"));
      keys.put(w.coopB, orgs.orgWithKey(w.coopB, "cooperative"));
      keys.put(w.processor, orgs.orgWithKey(w.processor, "processor"));
      keys.put(w.seller, orgs.orgWithKey(w.seller, "seller"));
      long last = 0;
      int half = w.steps.size() / 2;
      // the first half through A, the rest through B, in small batches alternating
      last = Math.max(last, new IncomeClient(httpA).post(w.steps.subList(0, half), keys));
      last =
          Math.max(last, new IncomeClient(httpB).post(w.steps.subList(half, w.steps.size()), keys));
      IncomeProjector pa = a.getBean(IncomeProjector.class);
      IncomeProjector pb = b.getBean(IncomeProjector.class);
      assertThat(pa.awaitWatermark(last, Duration.ofSeconds(60))).isTrue();
      assertThat(pb.awaitWatermark(last, Duration.ofSeconds(60))).isTrue();

      ReplayReport ra = a.getBean(IncomeReplay.class).check();
      ReplayReport rb = b.getBean(IncomeReplay.class).check();
      assertThat(ra.differences()).isEmpty();
      assertThat(rb.differences()).isEmpty();
      assertThat(ra.ok()).isTrue();
      assertThat(ra.asOfSeq()).isEqualTo(last);

      // a third instance starts on the populated ledger: it rebuilds its state by replay and
      // projects what is appended through it next, continuing from the shared watermark
      try (ConfigurableApplicationContext c = LedgerApps.start(db, admin)) {
        String hh = w.households.get(0);
        long seq =
            new IncomeClient(client(c))
                .postBatch(
                    keys.get(w.cooperativeOf.get(hh)),
                    List.of(
                        IncomeClient.event(
                            new net.suyuan.ledger.core.event.PayoutMade(
                                net.suyuan.ledger.core.id.HouseholdId.of(hh),
                                net.suyuan.ledger.core.id.Fen.of(123),
                                java.util.Optional.empty(),
                                java.time.Instant.parse("2022-06-01T00:00:00Z")))));
        assertThat(c.getBean(IncomeProjector.class).awaitWatermark(seq, Duration.ofSeconds(60)))
            .isTrue();
        ReplayReport rc = c.getBean(IncomeReplay.class).check();
        assertThat(rc.differences()).isEmpty();
        assertThat(rc.asOfSeq()).isEqualTo(seq);
      }

      try (Connection c = TestJdbc.connect(a.getEnvironment());
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE income_line SET amount_fen = amount_fen + 1"
                + " WHERE seq = (SELECT min(seq) FROM income_line WHERE kind = 'sale')");
        s.executeUpdate(
            "UPDATE income_household_year SET wages_fen = wages_fen + 7"
                + " WHERE household_id = (SELECT min(household_id) FROM income_household_year)");
      }
      ReplayReport tampered = a.getBean(IncomeReplay.class).check();
      assertThat(tampered.ok()).isFalse();
      assertThat(tampered.differences())
          .extracting(ReplayReport.Difference::table)
          .contains("income_line", "income_household_year");
    }
  }

  private static WebTestClient client(ConfigurableApplicationContext context) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + LedgerApps.port(context))
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }
}
