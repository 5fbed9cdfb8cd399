package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.ChainHead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The write path over real HTTP and PostgreSQL: receipts, batches, access rules for writes. */
@LedgerApiTest
class AppendEventsTest {
  @Autowired WebTestClient http;
  @Autowired Environment env;

  Writers w;

  @BeforeEach
  void setUp() {
    w = new Writers(http);
  }

  private ChainHead head() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      return StoredChain.head(c, "main");
    }
  }

  @Test
  void singleEvent_returns201WithReceipt_andChainVerifies() throws Exception {
    ChainHead before = head();
    w.post(w.admin, w.b.product(Bodies.randomGtin()))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.receipts.length()")
        .isEqualTo(1)
        .jsonPath("$.receipts[0].seq")
        .isEqualTo((int) before.seq() + 1)
        .jsonPath("$.receipts[0].type")
        .isEqualTo("product.registered")
        .jsonPath("$.receipts[0].hash")
        .value(h -> assertThat((String) h).matches("[0-9a-f]{64}"))
        .jsonPath("$.receipts[0].ts")
        .exists();
    try (Connection c = TestJdbc.connect(env)) {
      assertThat(StoredChain.verify(c, "main").seq()).isEqualTo(before.seq() + 1);
    }
  }

  @Test
  void batch_fromHarvestToRefund_allAccepted_inOrder() throws Exception {
    w.prepared(12000);
    w.post(w.processorKey, w.b.grading(w.lot(), 10000, w.id("G-"), 9500))
        .expectStatus()
        .isCreated();
    w.post(w.inspectorKey, w.b.inspection(w.id("G-"), w.std(), 1)).expectStatus().isCreated();
    w.post(
            w.sellerKey,
            Bodies.batch(
                w.b.sale(w.id("S-"), w.id("G-"), 1500),
                w.b.refund(w.id("R-"), w.id("S-"), 500, 6800)))
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.receipts[0].type")
        .isEqualTo("sale.recorded")
        .jsonPath("$.receipts[1].type")
        .isEqualTo("sale.refunded");
    w.post(w.coopKey, w.b.payout(w.hh())).expectStatus().isCreated();
    try (Connection c = TestJdbc.connect(env)) {
      StoredChain.verify(c, "main");
      assertThat(
              StoredChain.count(c, "SELECT remaining FROM lot WHERE lot_id = '" + w.id("G-") + "'"))
          .isEqualTo(8000);
      assertThat(StoredChain.count(c, "SELECT remaining FROM lot WHERE lot_id = '" + w.lot() + "'"))
          .isEqualTo(2000);
      assertThat(
              StoredChain.count(
                  c, "SELECT refunded_fen FROM sale WHERE sale_id = '" + w.id("S-") + "'"))
          .isEqualTo(6800);
      assertThat(
              StoredChain.count(
                  c, "SELECT count(*) FROM entry_lot WHERE lot_id = '" + w.id("G-") + "'"))
          .isEqualTo(4); // transformation output, inspection, sale, refund (via its sale)
    }
  }

  @Test
  void batch_withOneBadEvent_appendsNothing_andNamesTheEvent() throws Exception {
    w.prepared(1000);
    ChainHead before = head();
    w.post(
            w.sellerKey,
            Bodies.batch(
                w.b.sale(w.id("S1-"), w.lot(), 100),
                w.b.sale(w.id("S2-"), w.lot(), 100),
                w.b.sale(w.id("S3-"), w.lot(), 100),
                w.b.sale(w.id("S4-"), w.lot(), 5000)))
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("events[3].body.quantity");
    assertThat(head()).isEqualTo(before);
    // the state was not touched either: the three good sales still fit
    w.post(w.sellerKey, w.b.sale(w.id("S1-"), w.lot(), 1000)).expectStatus().isCreated();
  }

  @Test
  void noKey_unknownKey_revokedKey_are401_andAppendNothing() throws Exception {
    ChainHead before = head();
    w.post(null, w.b.product(Bodies.randomGtin())).expectStatus().isUnauthorized();
    w.post("not-a-key", w.b.product(Bodies.randomGtin())).expectStatus().isUnauthorized();
    java.util.Map<String, String> key = new AdminClient(http).issue(w.coop);
    w.post(key.get("secret"), w.b.site(w.id("site-"))).expectStatus().isCreated();
    http.delete()
        .uri("/api/v1/keys/{keyId}", key.get("keyId"))
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
        .exchange()
        .expectStatus()
        .is2xxSuccessful();
    ChainHead afterOne = head();
    assertThat(afterOne.seq()).isEqualTo(before.seq() + 1);
    w.post(key.get("secret"), w.b.site(w.id("site2-")))
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(head()).isEqualTo(afterOne);
  }

  @Test
  void wrongRole_is403_namingTheType() throws Exception {
    w.prepared(1000);
    ChainHead before = head();
    w.post(w.sellerKey, Bodies.batch(w.b.sale(w.id("S-"), w.lot(), 1), w.b.payout(w.hh())))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("events[1].type")
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("payout.made"));
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void cooperative_payoutForAnotherCooperativesHousehold_is403() throws Exception {
    w.prepared(1000);
    ChainHead before = head();
    w.post(w.otherCoopKey, w.b.payout(w.hh()))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("body.householdId");
    w.post(w.otherCoopKey, w.b.household(w.id("hx-"), w.coop)).expectStatus().isForbidden();
    assertThat(head()).isEqualTo(before);
  }
}
