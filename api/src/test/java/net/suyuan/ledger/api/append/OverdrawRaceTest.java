package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
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
 * Many commit groups back to back, each refusing some requests and accepting others: many clients,
 * on one instance and on two sharing a database (whose groups alternate on the ledger row lock),
 * race to sell twice what one small lot holds, in requests of one to three sales that are
 * all-or-nothing. A group that read a stale row, or a refused request not undone before the next
 * one is planned, would show here: the lot must end exactly at its harvest minus what was accepted,
 * never below zero, with at most two grams left (every request of one to three grams is accepted
 * while three remain), each refusal a 422 naming the quantity, nothing a 5xx, one sale row and one
 * entry per accepted sale, and the chain must verify. Seeded request sizes.
 */
@Tag("integration")
class OverdrawRaceTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final int CLIENTS = 16;
  private static final int REQUESTS_PER_CLIENT = 25;
  private static final long HARVEST = 400; // grams; the clients ask for about 800

  @Test
  void oneInstance_lotIsNeverOverdrawn() throws Exception {
    race(1);
  }

  @Test
  void twoInstances_lotIsNeverOverdrawn() throws Exception {
    race(2);
  }

  private void race(int instances) throws Exception {
    TestDatabase db = TestDatabases.fresh();
    String admin = "--LEDGER_ADMIN_KEY=" + LedgerApiTest.ADMIN_KEY;
    ConfigurableApplicationContext a = LedgerApps.start(db, admin);
    ConfigurableApplicationContext b = instances == 2 ? LedgerApps.start(db, admin) : a;
    String context = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + ")";
    try {
      Writers w = new Writers(LedgerApps.client(a)).prepared(HARVEST);
      List<WebClient> targets = List.of(LedgerApps.webClient(a), LedgerApps.webClient(b));
      Random random = new Random(SEED);
      List<List<Integer>> sizes = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        List<Integer> mine = new ArrayList<>();
        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
          mine.add(1 + random.nextInt(3));
        }
        sizes.add(mine);
      }
      AtomicLong accepted = new AtomicLong();
      ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
      Flux.range(0, CLIENTS)
          .flatMap(
              c ->
                  Flux.range(0, REQUESTS_PER_CLIENT)
                      .concatMap(
                          r -> {
                            int n = sizes.get(c).get(r);
                            String[] sales = new String[n];
                            for (int i = 0; i < n; i++) {
                              sales[i] =
                                  w.b.sale("p" + c + "-" + r + "-" + i + "-" + w.u, w.lot(), 1);
                            }
                            String body = n == 1 ? sales[0] : Bodies.batch(sales);
                            return post(targets.get(c % 2), w.sellerKey, body)
                                .doOnNext(
                                    result -> {
                                      if (result.status() == 201) {
                                        accepted.addAndGet(n);
                                      } else if (result.status() != 422
                                          || !result.body().contains("quantity")) {
                                        unexpected.add(result.status() + " " + result.body());
                                      }
                                    });
                          }),
              CLIENTS)
          .blockLast(Duration.ofSeconds(120));

      assertThat(unexpected).as(context + ": answers other than 201 or 422").isEmpty();
      assertThat(accepted.get())
          .as(context + ": the lot is sold out but for what no request could take")
          .isLessThanOrEqualTo(HARVEST)
          .isGreaterThanOrEqualTo(HARVEST - 2);
      try (Connection c = db.connect()) {
        ChainHead head = StoredChain.verify(c, "main");
        assertThat(StoredChain.count(c, "SELECT count(*) FROM entry")).isEqualTo(head.seq() + 1);
        assertThat(StoredChain.count(c, "SELECT count(*) FROM sale"))
            .as(context)
            .isEqualTo(accepted.get());
        assertThat(
                StoredChain.count(c, "SELECT remaining FROM lot WHERE lot_id = '" + w.lot() + "'"))
            .as(context + ": the lot holds its harvest minus what was accepted")
            .isEqualTo(HARVEST - accepted.get());
        assertThat(StoredChain.count(c, "SELECT count(*) FROM entry WHERE type = 'sale.recorded'"))
            .as(context)
            .isEqualTo(accepted.get());
      }
    } finally {
      if (b != a) {
        b.close();
      }
      a.close();
    }
  }

  private record Result(int status, String body) {}

  private static Mono<Result> post(WebClient http, String key, String json) {
    return http.post()
        .uri("/api/v1/events")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchangeToMono(
            r ->
                r.bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .map(body -> new Result(r.statusCode().value(), body)));
  }
}
