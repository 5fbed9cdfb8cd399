package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerApps;
import net.suyuan.ledger.api.support.TestDatabase;
import net.suyuan.ledger.api.support.TestDatabases;
import net.suyuan.ledger.core.chain.ChainHead;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 32 concurrent clients × 500 events each (sent as requests of {@link #PER_REQUEST} events, so the
 * test measures the appender rather than HTTP overhead on a 2-core machine) against one API
 * instance and against two instances on the same database: every event gets a receipt, seqs are
 * contiguous with no gap or duplicate, and the stored entries verify as ONE chain with the core's
 * ChainVerifier. Prints the observed rate; asserts no timing.
 */
@Tag("integration")
class GroupCommitConcurrencyTest {
  static final int CLIENTS = Integer.getInteger("gc.clients", 32);
  static final int EVENTS_PER_CLIENT = Integer.getInteger("gc.events", 500);
  static final int PER_REQUEST = Integer.getInteger("gc.perRequest", 5);
  static final long HARVEST = 1_000_000;

  @Test
  void oneInstance_32clients_x500_oneGapFreeChain() throws Exception {
    run(1);
  }

  @Test
  void twoInstances_sameDatabase_32clients_x500_oneGapFreeChain() throws Exception {
    run(2);
  }

  private void run(int instances) throws Exception {
    TestDatabase db = TestDatabases.fresh();
    String admin = "--LEDGER_ADMIN_KEY=" + LedgerApiTest.ADMIN_KEY;
    ConfigurableApplicationContext a = LedgerApps.start(db, admin);
    ConfigurableApplicationContext b = instances == 2 ? LedgerApps.start(db, admin) : a;
    try {
      Writers w = new Writers(LedgerApps.client(a)).prepared(HARVEST);
      List<WebClient> targets = List.of(LedgerApps.webClient(a), LedgerApps.webClient(b));
      long start = System.nanoTime();
      List<Long> seqs =
          Flux.range(0, CLIENTS)
              .flatMap(
                  c ->
                      Flux.range(0, EVENTS_PER_CLIENT / PER_REQUEST)
                          .concatMap(
                              r ->
                                  post(
                                      targets.get(c % 2),
                                      w.sellerKey,
                                      sales(w, c, r * PER_REQUEST, PER_REQUEST))),
                  CLIENTS)
              .flatMapIterable(receipts -> receipts)
              .collectList()
              .block(Duration.ofSeconds(180));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.err.printf(
          "[group-commit] %d instance(s): %d events in %.1f s = %.0f events/s%n",
          instances, seqs.size(), seconds, seqs.size() / seconds);

      int total = CLIENTS * EVENTS_PER_CLIENT;
      assertThat(seqs).hasSize(total);
      TreeSet<Long> distinct = new TreeSet<>(seqs);
      assertThat(distinct).as("no duplicate seq").hasSize(total);
      assertThat(distinct.last() - distinct.first() + 1).as("no gap").isEqualTo(total);
      try (Connection c = db.connect()) {
        ChainHead head = StoredChain.verify(c, "main");
        assertThat(head.seq()).isEqualTo(distinct.last());
        assertThat(StoredChain.count(c, "SELECT count(*) FROM entry")).isEqualTo(head.seq() + 1);
        assertThat(StoredChain.count(c, "SELECT count(*) FROM sale")).isEqualTo(total);
        assertThat(
                StoredChain.count(c, "SELECT remaining FROM lot WHERE lot_id = '" + w.lot() + "'"))
            .isEqualTo(HARVEST - total);
      }
    } finally {
      if (b != a) {
        b.close();
      }
      a.close();
    }
  }

  /** {@code n} sales of 1 g each, unique per client and index. */
  private static String sales(Writers w, int client, int first, int n) {
    String[] events = new String[n];
    for (int i = 0; i < n; i++) {
      events[i] = w.b.sale("c" + client + "-" + (first + i) + "-" + w.u, w.lot(), 1);
    }
    return n == 1 ? events[0] : Bodies.batch(events);
  }

  @SuppressWarnings("unchecked")
  private static Mono<List<Long>> post(WebClient http, String key, String json) {
    return http.post()
        .uri("/api/v1/events")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .retrieve()
        .bodyToMono(Map.class)
        .map(
            body ->
                ((List<Map<String, Object>>) body.get("receipts"))
                    .stream().map(r -> ((Number) r.get("seq")).longValue()).toList());
  }
}
