package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.stream.Stream;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.ChainHead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every way a client can send a bad event: a 4xx problem naming the field, and nothing appended
 * (the head does not move). 400 = not a well-formed request or event; 422 = well-formed but the
 * ledger state does not allow it.
 */
@LedgerApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRejectionTest {
  @Autowired WebTestClient http;
  @Autowired Environment env;

  Writers w;

  @BeforeAll
  void prepare() {
    w = new Writers(http).prepared(1000);
    w.post(w.sellerKey, w.b.sale(w.id("S-"), w.lot(), 10)).expectStatus().isCreated();
  }

  Stream<Arguments> badEvents() {
    Bodies b = w.b;
    String lot = w.lot();
    String sale = w.id("S-");
    return Stream.of(
        Arguments.of("quantity 0", b.sale(w.id("q0-"), lot, "0", Bodies.T), 400, "body.quantity"),
        Arguments.of(
            "quantity negative", b.sale(w.id("qn-"), lot, "-5", Bodies.T), 400, "body.quantity"),
        Arguments.of(
            "wrong JSON type", b.sale(w.id("qs-"), lot, "\"5\"", Bodies.T), 400, "body.quantity"),
        Arguments.of(
            "unknown product",
            b.harvest(w.id("HX-"), w.hh(), 5).replace(b.gtin, Bodies.randomGtin()),
            422,
            "body.gtin"),
        Arguments.of("unknown lot", b.sale(w.id("ul-"), "NO-SUCH-LOT", 1), 422, "body.lotId"),
        Arguments.of("overselling", b.sale(w.id("os-"), lot, 991), 422, "body.quantity"),
        Arguments.of(
            "unknown standard version", b.inspection(lot, w.std(), 9), 422, "body.standardVersion"),
        Arguments.of("bad GTIN check digit", b.product("06901234500005"), 400, "body.gtin"),
        Arguments.of("bad lot id character", b.sale(w.id("lc-"), "LOT#1", 1), 400, "body.lotId"),
        Arguments.of("lot id too long", b.sale(w.id("ll-"), "L".repeat(21), 1), 400, "body.lotId"),
        Arguments.of("refund > sale", b.refund(w.id("R-"), sale, 11, 100), 422, "body.quantity"),
        Arguments.of(
            "fee returned beyond the fee charged",
            b.refund(w.id("R-"), sale, 1, 6800, fees(801, 0, 0, 0)), // logistics 800 charged
            422,
            "body.feesReturned.logisticsFen"),
        Arguments.of(
            "fees returned beyond the refund amount",
            b.refund(w.id("R-"), sale, 1, 100, fees(0, 0, 101, 0)),
            400,
            "body.feesReturned"),
        Arguments.of(
            "fee returned not an integer",
            b.refund(
                w.id("R-"),
                sale,
                1,
                100,
                fees(0, 0, 0, 0).replace("\"platformFen\":0", "\"platformFen\":1.5")),
            400,
            "body.feesReturned.platformFen"),
        Arguments.of(
            "fees returned without all four fees",
            b.refund(w.id("R-"), sale, 1, 100, "{}"),
            400,
            "body.feesReturned.platformFen"),
        Arguments.of(
            "future occurredAt",
            b.sale(w.id("fu-"), lot, "1", "2099-01-01T00:00:00.000Z"),
            422,
            "body.occurredAt"),
        // Issue 11 defect 2: what the projections cannot take is refused at append.
        Arguments.of(
            "occurredAt in year 0",
            b.sale(w.id("y0-"), lot, "1", "0000-01-01T00:00:00.000Z"),
            400,
            "body.occurredAt"),
        Arguments.of(
            "occurredAt just before 2000",
            b.sale(w.id("y1-"), lot, "1", "1999-12-31T23:59:59.999Z"),
            400,
            "body.occurredAt"),
        Arguments.of(
            "unitPriceFen 2^53-1",
            b.sale(w.id("up-"), lot, 1).replace(":6800}", ":9007199254740991}"),
            400,
            "body.unitPriceFen"),
        Arguments.of(
            "unitPriceFen one past 10^10",
            b.sale(w.id("uq-"), lot, 1).replace(":6800}", ":10000000001}"),
            400,
            "body.unitPriceFen"),
        Arguments.of(
            "gross one unit past 10^10",
            b.sale(w.id("ug-"), lot, 2).replace(":6800}", ":5000000001}"),
            400,
            "body.unitPriceFen"),
        // Issue 11 defect 8: integers only, as written; no invisible or bidi control characters.
        Arguments.of(
            "quantity 1.0", b.sale(w.id("f1-"), lot, "1.0", Bodies.T), 400, "body.quantity"),
        Arguments.of(
            "quantity 1e0", b.sale(w.id("f2-"), lot, "1e0", Bodies.T), 400, "body.quantity"),
        Arguments.of(
            "fee 1e-400",
            b.sale(w.id("f3-"), lot, 1).replace("\"packagingFen\":300", "\"packagingFen\":1e-400"),
            400,
            "body.fees.packagingFen"),
        Arguments.of(
            "fee -0",
            b.sale(w.id("f4-"), lot, 1).replace("\"packagingFen\":300", "\"packagingFen\":-0"),
            400,
            "body.fees.packagingFen"),
        Arguments.of(
            "fraction inside a batch",
            Bodies.batch(b.sale(w.id("f5-"), lot, 1), b.sale(w.id("f6-"), lot, "2.0", Bodies.T)),
            400,
            "events[1].body.quantity"),
        Arguments.of(
            "right-to-left override in a name",
            b.site(w.id("bidi-")).replace("东坡茶园", "东坡\u202e园茶"),
            400,
            "body.name"),
        Arguments.of(
            "zero-width space in a village",
            b.site(w.id("zw-")).replace("清水村", "清水\u200b村"),
            400,
            "body.village"),
        Arguments.of("unknown type", Bodies.event("foo.bar", "{}"), 400, "type"),
        Arguments.of("reserved type", Bodies.event("ledger.genesis", "{}"), 400, "type"),
        Arguments.of("malformed JSON", "{\"type\": \"sale.recorded\", ", 400, "request"),
        Arguments.of("not an object", "[1, 2]", 400, "request"),
        Arguments.of("body not an object", "{\"type\":\"sale.recorded\",\"body\":1}", 400, "body"),
        Arguments.of(
            "unknown envelope member",
            "{\"type\":\"sale.recorded\",\"body\":{},\"x\":1}",
            400,
            "x"),
        Arguments.of("empty batch", "{\"events\":[]}", 400, "events"),
        Arguments.of(
            "bad event inside a batch",
            Bodies.batch(b.sale(w.id("b1-"), lot, 1), Bodies.event("foo.bar", "{}")),
            400,
            "events[1].type"),
        Arguments.of(
            "state rejection inside a batch",
            Bodies.batch(b.sale(w.id("b2-"), lot, 1), b.sale(w.id("b3-"), lot, 5000)),
            422,
            "events[1].body.quantity"));
  }

  /** A feesReturned object, members in canonical order. */
  private static String fees(long logistics, long packaging, long platform, long service) {
    return "{\"logisticsFen\":"
        + logistics
        + ",\"packagingFen\":"
        + packaging
        + ",\"platformFen\":"
        + platform
        + ",\"serviceFen\":"
        + service
        + "}";
  }

  @Test
  void refundsOfOneSale_allStateFeesReturnedOrNone_checkedAgainstStoredState() throws Exception {
    String sale = w.id("SF-");
    w.post(w.sellerKey, w.b.sale(sale, w.lot(), 2)).expectStatus().isCreated();
    w.post(w.sellerKey, w.b.refund(w.id("RF1-"), sale, 1, 6800, fees(400, 300, 0, 2040)))
        .expectStatus()
        .isCreated();
    ChainHead before = head();
    w.post(w.sellerKey, w.b.refund(w.id("RF2-"), sale, 1, 100))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("body.feesReturned");
    w.post(w.sellerKey, w.b.refund(w.id("RF3-"), sale, 1, 6800, fees(401, 0, 0, 0)))
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("body.feesReturned.logisticsFen");
    assertThat(head()).isEqualTo(before);
    w.post(w.sellerKey, w.b.refund(w.id("RF4-"), sale, 1, 6800, fees(400, 0, 1020, 0)))
        .expectStatus()
        .isCreated();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badEvents")
  void badEvent_isProblemNamingTheField_andAppendsNothing(
      String name, String json, int status, String field) throws Exception {
    ChainHead before = head();
    w.post(w.admin, json)
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
    assertThat(head()).isEqualTo(before);
  }

  /** Each append bound at its limit is accepted (the ones past it are in badEvents). */
  @Test
  void boundsAtTheLimit_areAccepted() {
    Bodies b = w.b;
    w.post(
            w.sellerKey,
            Bodies.batch(
                b.sale(w.id("lim1-"), w.lot(), "1", "2000-01-01T00:00:00.000Z")
                    .replace(":6800}", ":10000000000}"),
                b.sale(w.id("lim2-"), w.lot(), "2", "2000-01-01T00:00:00.000Z")
                    .replace(":6800}", ":5000000000}")))
        .expectStatus()
        .isCreated();
    w.post(w.coopKey, b.site(w.id("ok-")).replace("东坡茶园", "东坡茶园 🍵 Ⅱ号")).expectStatus().isCreated();
  }

  @Test
  void tooManyEventsInABatch_is400() throws Exception {
    ChainHead before = head();
    String[] events = new String[EventRequest.MAX_EVENTS + 1];
    java.util.Arrays.fill(events, Bodies.event("foo.bar", "{}"));
    w.post(w.admin, Bodies.batch(events))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("events");
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void oversizedBody_is413() throws Exception {
    ChainHead before = head();
    String huge = "{\"type\":\"x.y\",\"body\":{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
    w.post(w.admin, huge)
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void emptyBody_is400() {
    w.post(w.admin, "").expectStatus().isBadRequest();
  }

  private ChainHead head() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      return StoredChain.head(c, "main");
    }
  }
}
