package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 defect 4: the api's database connections are terminated ({@code pg_terminate_backend})
 * again and again while clients append and read. Every answer is a success or a 503 with {@code
 * Retry-After} in problem+json, never a 500; the service recovers after each round; and every
 * append that was acknowledged is in the chain afterwards, with the acknowledged hash.
 */
@LedgerApiTest
class DatabaseLossTest {
  private static final int ROUNDS = 6;
  private static final int SUCCESSES_BETWEEN_ROUNDS = 10;
  private static final Duration RECOVERY = Duration.ofSeconds(60);
  private static final Pattern RECEIPT =
      Pattern.compile("\"seq\":(\\d+),\"hash\":\"([0-9a-f]{64})\"");

  @Autowired WebTestClient http;
  @Autowired Environment env;
  @LocalServerPort int port;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
  private final Map<Long, String> acknowledgedHash = new ConcurrentHashMap<>();
  private final AtomicInteger successes = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);

  @Test
  void terminatedConnections_give503WithRetryAfter_andLoseNothingAcknowledged() throws Exception {
    Writers w = new Writers(http).prepared(1_000_000);
    String socialKey =
        new AdminClient(http).orgWithKey(AdminClient.uniqueOrgId("so"), "social_org");
    List<String> reads =
        List.of(
            "/api/v1/events?limit=5",
            "/api/v1/events/1",
            "/api/v1/lots/" + w.lot() + "/events?limit=5",
            "/api/v1/lots/" + w.lot() + "/provenance",
            "/api/v1/audit",
            "/api/v1/programs/no-such-org/summary?year=2022");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    AtomicInteger sale = new AtomicInteger();
    for (int t = 0; t < 3; t++) {
      pool.submit(
          () -> {
            while (running.get()) {
              String id = "DL" + w.u + "-" + sale.incrementAndGet();
              append(w.sellerKey, w.b.sale(id, w.lot(), 1));
            }
          });
    }
    for (int t = 0; t < 3; t++) {
      int offset = t;
      pool.submit(
          () -> {
            for (int i = offset; running.get(); i++) {
              read(reads.get(i % reads.size()), null);
              read("/api/v1/households/" + w.hh() + "/income", socialKey);
            }
          });
    }
    try {
      for (int round = 0; round < ROUNDS; round++) {
        awaitSuccesses(round);
        terminateOtherConnections();
      }
      awaitSuccesses(ROUNDS);
    } finally {
      running.set(false);
      pool.shutdown();
      assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("clients finished").isTrue();
    }
    assertThat(bad).as("answers other than 2xx, 404 and 503 + Retry-After: %s", statuses).isEmpty();
    assertThat(acknowledgedHash).isNotEmpty();
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement q =
            c.prepareStatement("SELECT hash FROM entry WHERE ledger_id = 'main' AND seq = ?")) {
      for (Map.Entry<Long, String> ack : acknowledgedHash.entrySet()) {
        q.setLong(1, ack.getKey());
        try (ResultSet rs = q.executeQuery()) {
          assertThat(rs.next()).as("acknowledged seq %d is in the chain", ack.getKey()).isTrue();
          assertThat(HexFormat.of().formatHex(rs.getBytes(1))).isEqualTo(ack.getValue());
        }
      }
    }
  }

  /** Waits (bounded, on a real progress signal) until the service answered successfully again. */
  private void awaitSuccesses(int round) {
    int target = successes.get() + SUCCESSES_BETWEEN_ROUNDS;
    long deadline = System.nanoTime() + RECOVERY.toNanos();
    synchronized (successes) {
      while (successes.get() < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no recovery within " + RECOVERY + " after round " + round + ": " + statuses);
        }
        try {
          successes.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  private void terminateOtherConnections() throws Exception {
    try (Connection c = TestJdbc.connect(env);
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }
  }

  private void append(String key, String body) {
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (r != null && r.statusCode() == 201) {
      Matcher m = RECEIPT.matcher(r.body());
      assertThat(m.find()).as("receipt in %s", r.body()).isTrue();
      acknowledgedHash.put(Long.parseLong(m.group(1)), m.group(2));
    }
  }

  private void read(String path, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    send(b.GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpResponse<String> r;
    try {
      r =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      bad.add("no answer: " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    int status = r.statusCode();
    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status < 300 || status == 404) {
      synchronized (successes) {
        successes.incrementAndGet();
        successes.notifyAll();
      }
    } else if (status != 503
        || r.headers().firstValue("Retry-After").isEmpty()
        || !r.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json")) {
      bad.add(request.build().uri().getPath() + " -> " + status + " " + r.body());
    }
    return r;
  }
}
