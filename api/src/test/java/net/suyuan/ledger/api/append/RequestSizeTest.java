package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.ChainHead;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 7: the documented request limit is 1 MB, so the largest documented batch (1,000
 * realistic events, well over the codecs' 256 KiB default) is accepted, and one event more is a 400
 * naming {@code events}, not a 413.
 */
@LedgerApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestSizeTest {
  private static final int CODEC_DEFAULT_LIMIT = 256 * 1024;
  private static final int DOCUMENTED_LIMIT = 1024 * 1024;

  @Autowired WebTestClient http;
  @Autowired Environment env;

  Writers w;

  @BeforeAll
  void prepare() {
    w = new Writers(http).prepared(5_000);
  }

  /** {@code n} valid sales of one unit each, with the longest sale ids (32 characters). */
  private String sales(String run, int n) {
    String[] events = new String[n];
    for (int i = 0; i < n; i++) {
      String saleId = String.format("%-32s", run + w.u + "-" + i).replace(' ', 'x');
      events[i] = w.b.sale(saleId, w.lot(), 1);
    }
    return Bodies.batch(events);
  }

  @Test
  void batchOfMaxEvents_over256KiB_isAppended() throws Exception {
    String body = sales("a", EventRequest.MAX_EVENTS);
    int size = body.getBytes(StandardCharsets.UTF_8).length;
    assertThat(size).isGreaterThan(CODEC_DEFAULT_LIMIT).isLessThan(DOCUMENTED_LIMIT);
    ChainHead before = head();
    w.post(w.sellerKey, body)
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.receipts.length()")
        .isEqualTo(EventRequest.MAX_EVENTS);
    assertThat(head().seq()).isEqualTo(before.seq() + EventRequest.MAX_EVENTS);
  }

  @Test
  void batchOfMaxEventsPlusOne_is400NamingEvents() throws Exception {
    String body = sales("b", EventRequest.MAX_EVENTS + 1);
    assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(CODEC_DEFAULT_LIMIT);
    ChainHead before = head();
    w.post(w.sellerKey, body)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.field")
        .isEqualTo("events");
    assertThat(head()).isEqualTo(before);
  }

  @Test
  void bodyOverTheDocumentedLimit_is413() throws Exception {
    String pad = "x".repeat(DOCUMENTED_LIMIT);
    ChainHead before = head();
    WebTestClient.BodyContentSpec problem =
        w.post(w.sellerKey, "{\"type\":\"x.y\",\"body\":{\"pad\":\"" + pad + "\"}}")
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody();
    problem.jsonPath("$.detail").value(d -> assertThat((String) d).contains("1048576 bytes"));
    assertThat(head()).isEqualTo(before);
  }

  private ChainHead head() throws Exception {
    try (Connection c = TestJdbc.connect(env)) {
      return StoredChain.head(c, "main");
    }
  }
}
