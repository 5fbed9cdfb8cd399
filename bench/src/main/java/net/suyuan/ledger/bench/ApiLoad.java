package net.suyuan.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load generator for the ledger api (issue 3 benchmark), one run, three figures:
 *
 * <ol>
 *   <li>single-event appends over HTTP from N concurrent clients: events/s, p50/p99 latency;
 *   <li>batch appends over HTTP, 1,000 events per request: events/s;
 *   <li>the same rows written by a plain batched JDBC INSERT, no hashing or validation: rows/s (the
 *       storage limit that (2) is compared with);
 * </ol>
 *
 * (2) and (3) run after an untimed warm-up of the batch path and alternate for {@code --rounds}
 * rounds, each round's baseline copying the rows that round's batches wrote; medians are reported.
 *
 * <p>The api's resident memory is sampled by {@code bench/ledger-bench.sh}, which drives (1) with
 * wrk and passes {@code --clients 0} here. The audit rate over 1,000,000 entries is measured by
 * {@code bench/ledger-bench.sh} with {@link PreloadChain}. See docs/benchmarks.md for the command.
 */
@Command(
    name = "api-load",
    mixinStandardHelpOptions = true,
    description = "Append load against a running api.")
public final class ApiLoad implements Callable<Integer> {
  @Option(names = "--base", defaultValue = "http://127.0.0.1:8080")
  String base;

  @Option(names = "--admin-key", required = true)
  String adminKey;

  @Option(names = "--clients", defaultValue = "32")
  int clients;

  @Option(names = "--events-per-client", defaultValue = "500")
  int perClient;

  @Option(
      names = "--batch-clients",
      defaultValue = "4",
      description = "Concurrent batch uploaders (several sales channels or cooperatives at once).")
  int batchClients;

  @Option(
      names = "--batches-per-client",
      defaultValue = "25",
      description = "Batches per client per round: 100,000 events a round, a few seconds.")
  int batchesPerClient;

  @Option(names = "--batch-size", defaultValue = "1000")
  int batchSize;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "Alternating rounds of (2) and (3); the medians are reported.")
  int rounds;

  @Option(
      names = "--warmup-batches",
      defaultValue = "20",
      description = "Untimed batches per client before the rounds (JIT warm-up).")
  int warmupBatches;

  @Option(
      names = "--jdbc-url",
      required = true,
      description = "Same database, for the INSERT baseline.")
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "postgres")
  String jdbcUser;

  @Option(names = "--ledger-id", defaultValue = "main")
  String ledgerId;

  @Option(
      names = "--setup-only",
      description = "Create the scenario, print it as shell variables, exit.")
  boolean setupOnly;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ApiLoad()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Http http = new Http(base);
    BenchScenario scenario = BenchScenario.create(http, adminKey, clients + batchClients);
    System.err.println("setup done: " + scenario.describe());
    if (setupOnly) {
      System.out.println(scenario.shellVariables());
      return 0;
    }

    long headBefore = head(http);
    Latencies latencies = new Latencies();
    long singleEvents = (long) clients * perClient;
    double single =
        clients == 0 ? 1 : run(clients, c -> scenario.singleAppends(http, c, perClient, latencies));

    // (2) and (3) alternate, ROUNDS times, after an untimed warm-up of the batch path: each
    // round's INSERT baseline copies exactly the rows that round's batches wrote, and the figures
    // reported are the medians, so one disturbed phase on a shared machine does not decide them.
    run(batchClients, c -> scenario.batchAppends(http, clients + c, warmupBatches, batchSize));
    long batchEvents = (long) batchClients * batchesPerClient * batchSize;
    double[] batchRates = new double[rounds];
    double[] insertRates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long batchFrom = head(http);
      double batch =
          run(
              batchClients,
              c -> scenario.batchAppends(http, clients + c, batchesPerClient, batchSize));
      long batchTo = head(http);
      batchRates[r] = batchEvents / batch;
      insertRates[r] = (batchTo - batchFrom) / insertBaseline(batchFrom, batchTo);
      System.err.printf(
          "round %d: batch %,.0f events/s, INSERT %,.0f rows/s (%.0f%%)%n",
          r + 1, batchRates[r], insertRates[r], 100 * batchRates[r] / insertRates[r]);
    }
    if (clients > 0) { // the script measures (1) with wrk and passes --clients 0
      System.out.printf(
          "| (1) single-event appends, %d Java clients | %,.0f events/s | p50 %.1f ms, p99 %.1f ms"
              + " (%,d requests) |%n",
          clients,
          singleEvents / single,
          latencies.percentileMillis(50),
          latencies.percentileMillis(99),
          latencies.count());
    }
    System.out.printf(
        "| (2) batch appends, %d clients x %d batches of %,d, median of %d rounds | %,.0f events/s"
            + " | rounds: %s |%n",
        batchClients, batchesPerClient, batchSize, rounds, median(batchRates), rates(batchRates));
    System.out.printf(
        "| (3) plain batched INSERT of the same rows (baseline), median of %d rounds | %,.0f rows/s"
            + " | rounds: %s; (2) is %.0f%% of (3) |%n",
        rounds,
        median(insertRates),
        rates(insertRates),
        100.0 * median(batchRates) / median(insertRates));
    System.err.printf("chain head moved from %d to %d%n", headBefore, head(http));
    return 0;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String rates(double[] values) {
    StringBuilder out = new StringBuilder();
    for (double v : values) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format("%,.0f", v));
    }
    return out.toString();
  }

  private interface ClientTask {
    void run(int client) throws Exception;
  }

  /** Runs one task per client concurrently; returns the wall time in seconds. */
  private static double run(int clients, ClientTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                task.run(client);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return seconds;
  }

  /** The ledger's head seq, read from the database (the api keeps it under its append lock). */
  private long head(Http unused) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
        PreparedStatement q =
            db.prepareStatement("SELECT head_seq FROM ledger WHERE ledger_id = ?")) {
      q.setString(1, ledgerId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Copies the entries (from, to] that the api wrote into a scratch ledger with plain batched
   * INSERTs of the same size as the api's batches: no hashing, no validation, no projections.
   */
  private double insertBaseline(long from, long to) throws Exception {
    String scratch = "baseline-" + Long.toString(System.nanoTime(), 36);
    try (Connection db =
        DriverManager.getConnection(
            jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
            jdbcUser,
            "")) {
      List<Object[]> rows = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "SELECT seq, ts, actor, type, canonical, hash, prev FROM entry WHERE ledger_id = ? AND seq > ? AND seq <= ? ORDER BY seq")) {
        q.setString(1, ledgerId);
        q.setLong(2, from);
        q.setLong(3, to);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            rows.add(
                new Object[] {
                  rs.getLong(1),
                  rs.getObject(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getBytes(5),
                  rs.getBytes(6),
                  rs.getBytes(7)
                });
          }
        }
      }
      try (PreparedStatement l =
          db.prepareStatement(
              "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash) SELECT ?, hash_alg, head_seq, head_hash FROM ledger WHERE ledger_id = ?")) {
        l.setString(1, scratch);
        l.setString(2, ledgerId);
        l.executeUpdate();
      }
      db.setAutoCommit(false);
      long start = System.nanoTime();
      try (PreparedStatement ins =
          db.prepareStatement(
              "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        int inBatch = 0;
        for (Object[] r : rows) {
          ins.setString(1, scratch);
          ins.setLong(2, (Long) r[0]);
          ins.setObject(3, r[1]);
          ins.setString(4, (String) r[2]);
          ins.setString(5, (String) r[3]);
          ins.setBytes(6, (byte[]) r[4]);
          ins.setBytes(7, (byte[]) r[5]);
          ins.setBytes(8, (byte[]) r[6]);
          ins.addBatch();
          if (++inBatch == batchSize) {
            ins.executeBatch();
            db.commit();
            inBatch = 0;
          }
        }
        ins.executeBatch();
        db.commit();
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }
}
