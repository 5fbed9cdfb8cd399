package net.suyuan.ledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.Entry;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tampering done in the database itself (superuser, append-only trigger disabled) is reported by
 * GET /api/v1/audit with the exact first bad seq and kind. Pages of 7 entries, so failures and the
 * keyset cursor cross page boundaries.
 */
@LedgerApiTest
@OwnDatabase
@TestPropertySource(properties = "ledger.audit.page-size=7")
class AuditTamperingTest {

  static final int COUNT = 30; // seq 0..29
  static final String MAIN = "main";

  @Autowired WebTestClient http;
  @Autowired Environment env;

  List<SealedEntry> chain;

  @BeforeEach
  void chain() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      chain = LedgerFixture.write(c, MAIN, HashAlg.SHA_256, COUNT).entries();
    }
  }

  private AuditResponse audit() {
    return http.get()
        .uri("/api/v1/audit")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(AuditResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private void tamper(String... sql) throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.tamper(c, sql);
    }
  }

  private static void assertFailure(AuditResponse report, long seq, String kind) {
    assertThat(report.ok()).isFalse();
    assertThat(report.firstFailure()).isNotNull();
    assertThat(report.firstFailure().seq()).as("first bad seq").isEqualTo(seq);
    assertThat(report.firstFailure().kind()).as("kind").isEqualTo(kind);
  }

  @Test
  void audit_intactChain_isOkWithTheHead() {
    AuditResponse report = audit();
    assertThat(report.ok()).isTrue();
    assertThat(report.verified()).isEqualTo(COUNT);
    assertThat(report.head())
        .isEqualTo(new AuditResponse.Head(COUNT - 1, chain.get(COUNT - 1).hash().hex()));
    assertThat(report.firstFailure()).isNull();
  }

  @Test
  void audit_changedBody_reportsHashMismatchAtThatSeq() throws Exception {
    tamper(
        "UPDATE entry SET canonical = convert_to(regexp_replace(convert_from(canonical, 'UTF8'),"
            + " '\"quantity\":([0-9]+)', '\"quantity\":9\\1'), 'UTF8')"
            + " WHERE ledger_id = 'main' AND seq = 12");
    AuditResponse report = audit();
    assertFailure(report, 12, "hash_mismatch");
    assertThat(report.verified()).isEqualTo(12);
    assertThat(report.head().seq()).isEqualTo(11);
  }

  @Test
  void audit_bodyAndHashChangedConsistently_reportsBrokenLinkAtNextSeq() throws Exception {
    byte[] forged = withMoreQuantity(chain.get(13));
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.rewrite(c, MAIN, 13, forged, sha256(forged).bytes());
    }
    assertFailure(audit(), 14, "broken_link");
  }

  @Test
  void audit_deletedEntry_reportsSeqGapAtThatSeq() throws Exception {
    tamper(
        "DELETE FROM entry_lot WHERE ledger_id = 'main' AND seq = 7",
        "DELETE FROM entry WHERE ledger_id = 'main' AND seq = 7");
    AuditResponse report = audit();
    assertFailure(report, 7, "seq_gap");
    assertThat(report.firstFailure().detail()).isEqualTo("expected seq 7, found seq 8");
  }

  @Test
  void audit_swappedEntries_reportsSeqGapAtTheFirst() throws Exception {
    tamper(
        "UPDATE entry e SET canonical = o.canonical, hash = o.hash FROM entry o"
            + " WHERE e.ledger_id = 'main' AND o.ledger_id = 'main'"
            + " AND ((e.seq = 20 AND o.seq = 21) OR (e.seq = 21 AND o.seq = 20))");
    assertFailure(audit(), 20, "seq_gap");
  }

  @Test
  void audit_forgedEntryAfterHead_withWrongPrev_reportsBrokenLinkThere() throws Exception {
    SealedEntry forged = forge(COUNT, EntryHash.ZERO);
    insert(forged);
    AuditResponse report = audit();
    assertFailure(report, COUNT, "broken_link");
    assertThat(report.verified()).isEqualTo(COUNT);
  }

  @Test
  void audit_forgedEntryAfterHead_linkingCorrectly_isCaughtByTheLedgerHead() throws Exception {
    insert(forge(COUNT, chain.get(COUNT - 1).hash())); // a valid link, but not what the ledger says
    AuditResponse report = audit();
    assertFailure(report, COUNT - 1, "hash_mismatch");
    assertThat(report.firstFailure().detail()).contains("expected head seq " + (COUNT - 1));
  }

  @Test
  void audit_entryReplacedByAForgery_reportsBrokenLinkAfterIt() throws Exception {
    SealedEntry forged = forge(5, chain.get(4).hash()); // links to 4, hashes correctly
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.rewrite(c, MAIN, 5, forged.canonical(), forged.hash().bytes());
    }
    assertFailure(audit(), 6, "broken_link");
  }

  @Test
  void audit_forgedEntryKeepingTheStoredHash_reportsHashMismatch() throws Exception {
    SealedEntry forged = forge(5, chain.get(4).hash());
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.rewrite(c, MAIN, 5, forged.canonical(), chain.get(5).hash().bytes());
    }
    assertFailure(audit(), 5, "hash_mismatch");
  }

  @Test
  void audit_deletedLastEntry_isCaughtByTheLedgerHead() throws Exception {
    tamper(
        "DELETE FROM entry_lot WHERE ledger_id = 'main' AND seq = 29",
        "DELETE FROM entry WHERE ledger_id = 'main' AND seq = 29");
    AuditResponse report = audit();
    assertFailure(report, 29, "hash_mismatch");
    assertThat(report.verified()).isEqualTo(29);
    assertThat(report.firstFailure().detail())
        .startsWith("expected head seq 29 hash " + chain.get(29).hash().hex())
        .endsWith("found seq 28 hash " + chain.get(28).hash().hex());
  }

  @Test
  void audit_nonCanonicalBytes_reportsNotCanonical_andReadsStillServeValidJson() throws Exception {
    String spaced =
        new String(chain.get(3).canonical(), StandardCharsets.UTF_8)
            .replace(",\"seq\"", ", \"seq\"");
    byte[] bytes = spaced.getBytes(StandardCharsets.UTF_8);
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.rewrite(c, MAIN, 3, bytes, sha256(bytes).bytes());
    }
    assertFailure(audit(), 3, "not_canonical");
    http.get()
        .uri("/api/v1/events/3")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.canonical")
        .isEqualTo(spaced);
  }

  @Test
  void audit_garbageBytes_reportsUnparseable_andReadsFlagTheEntry() throws Exception {
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.rewrite(c, MAIN, 2, garbage, sha256(garbage).bytes());
    }
    assertFailure(audit(), 2, "unparseable");
    http.get()
        .uri("/api/v1/events/2")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.seq")
        .isEqualTo(2)
        .jsonPath("$.canonicalBase64")
        .isEqualTo("bm90IGpzb24=")
        .jsonPath("$.unreadable")
        .value(v -> assertThat((String) v).contains("GET /api/v1/audit"));
  }

  @Test
  void audit_missingLedger_is404Problem() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.delete(c, MAIN);
    }
    http.get().uri("/api/v1/audit").exchange().expectStatus().isNotFound();
  }

  private SealedEntry forge(long seq, EntryHash prev) {
    JsonObject body = JsonObject.builder().put("saleId", "FORGED").put("lotId", "LOT-1").build();
    Instant ts = chain.get(COUNT - 1).entry().ts();
    return SealedEntry.seal(
        new Entry(seq, ts, "mallory", "sale.recorded", body, prev), HashAlg.SHA_256);
  }

  /** A plain INSERT: the trigger only guards UPDATE and DELETE, inserting needs no superuser. */
  private void insert(SealedEntry e) throws Exception {
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev)"
                    + " VALUES ('main', ?, now(), ?, ?, ?, ?, ?)")) {
      ps.setLong(1, e.seq());
      ps.setString(2, e.entry().actor());
      ps.setString(3, e.entry().type());
      ps.setBytes(4, e.canonical());
      ps.setBytes(5, e.hash().bytes());
      ps.setBytes(6, e.entry().prev().bytes());
      ps.executeUpdate();
    }
  }

  private static byte[] withMoreQuantity(SealedEntry e) {
    String s = new String(e.canonical(), StandardCharsets.UTF_8);
    return s.replaceFirst("\"quantity\":", "\"quantity\":9").getBytes(StandardCharsets.UTF_8);
  }

  private static EntryHash sha256(byte[] canonical) {
    return new EntryHasher(HashAlg.SHA_256).hash(canonical);
  }
}
