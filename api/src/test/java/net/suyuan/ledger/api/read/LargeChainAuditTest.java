package net.suyuan.ledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.verify.AuditReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit over many keyset pages (default page size 5000). {@code -Dledger.audit.entries=1000000}
 * turns this into the throughput run documented in docs/storage.md; the figures go to stderr and
 * are never asserted (the CI machine's speed is not a property of the code).
 */
@LedgerApiTest
@OwnDatabase
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeChainAuditTest {

  static final int COUNT = Integer.getInteger("ledger.audit.entries", 23_456);

  @Autowired WebTestClient http;
  @Autowired Environment env;
  @Autowired ChainAudit audit;

  LedgerFixture.Chain chain;

  @BeforeAll
  void largeChain() throws Exception {
    long start = System.nanoTime();
    try (Connection c = TestJdbc.connect(env)) {
      chain = LedgerFixture.write(c, "main", HashAlg.SHA_256, COUNT);
      try (var st = c.createStatement()) {
        st.execute("VACUUM ANALYZE entry"); // a settled table, as in production
      }
    }
    report("fixture: %,d entries written in %,d ms", COUNT, millisSince(start));
  }

  @Test
  void audit_verifiesEveryEntryAcrossPages_andTheHead() {
    WebTestClient slow = http.mutate().responseTimeout(Duration.ofMinutes(5)).build();
    for (int run = 1; run <= 3; run++) { // the first run includes JIT warm-up
      long start = System.nanoTime();
      AuditResponse report =
          slow.get()
              .uri("/api/v1/audit")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(AuditResponse.class)
              .returnResult()
              .getResponseBody();
      long ms = millisSince(start);
      assertThat(report.ok()).isTrue();
      assertThat(report.verified()).isEqualTo(COUNT);
      assertThat(report.head())
          .isEqualTo(new AuditResponse.Head(chain.head().seq(), chain.head().hash().hex()));
      report(
          "audit run %d: %,d entries in %,d ms = %,d entries/s",
          run, COUNT, ms, ms == 0 ? 0 : COUNT * 1000L / ms);
    }
  }

  /**
   * A client that has its report may audit again at once: the permit is back before the report is
   * emitted (it was released after, so a quick second audit sometimes got 503 "already running").
   */
  @Test
  void auditPermit_isBackBeforeTheReportIsEmitted() {
    int idle = audit.permitsAvailable();
    AuditReport report =
        audit
            .audit()
            .doOnNext(r -> assertThat(audit.permitsAvailable()).isEqualTo(idle))
            .block(Duration.ofMinutes(5));
    assertThat(report).isNotNull();
    assertThat(audit.permitsAvailable()).isEqualTo(idle);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void report(String format, Object... args) {
    System.err.println("[audit-bench] " + String.format(format, args));
  }
}
