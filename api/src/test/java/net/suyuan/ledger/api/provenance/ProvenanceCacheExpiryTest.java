package net.suyuan.ledger.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 3: 8 clients on kept-alive connections scanning the same lot while its cache
 * entry expires again and again (a 20 ms lifetime instead of 5 s). Each rebuild answers from a
 * verification thread, the path on which a kept-alive connection used to stop answering; every
 * request must be answered, with the same verified provenance.
 */
@LedgerApiTest
@TestPropertySource(properties = "ledger.resolver.cache-ttl=20ms")
class ProvenanceCacheExpiryTest {

  private static final int CLIENTS = 8;
  private static final int REQUESTS_PER_CLIENT = 150;
  private static final int TIMEOUT_MILLIS = 10_000;

  @Autowired WebTestClient http;
  @LocalServerPort int port;

  @Test
  void eightClientsAcrossManyExpiries_everyRequestIsAnswered() throws Exception {
    LineageScenario s = new LineageScenario(http).write();
    String json = "/api/v1/lots/" + s.lot("P1") + "/provenance";
    String page = "/01/" + s.gtin + "/10/" + s.lot("P1");
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        runs.add(clients.submit(() -> scan(json, page)));
      }
      List<String> bodies = new ArrayList<>();
      for (Future<List<String>> run : runs) {
        bodies.addAll(answers(run));
      }
      assertThat(bodies).hasSize(CLIENTS * REQUESTS_PER_CLIENT);
      assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
      assertThat(bodies.get(0)).contains("\"ok\":true").contains(s.lot("P1"));
    } finally {
      clients.shutdownNow();
    }
  }

  /** One client: JSON and page scans alternating on one connection; returns the JSON bodies. */
  private List<String> scan(String json, String page) {
    List<String> bodies = new ArrayList<>();
    try (RawHttp connection = new RawHttp(port, TIMEOUT_MILLIS)) {
      for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
        RawHttp.Response r = connection.get(json);
        assertThat(r.status()).as("GET %s #%d", json, i).isEqualTo(200);
        bodies.add(r.text());
        RawHttp.Response html = connection.get(page, "Accept: text/html");
        assertThat(html.status()).as("GET %s #%d", page, i).isEqualTo(200);
      }
    }
    return bodies;
  }

  private static List<String> answers(Future<List<String>> run) throws Exception {
    try {
      // Each request is bounded by the socket timeout; this only guards the whole run.
      return run.get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new AssertionError("a client did not finish its scans within 5 minutes", e);
    }
  }
}
