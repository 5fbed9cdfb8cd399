package net.suyuan.ledger.api.income.projection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import net.suyuan.ledger.api.income.replay.IncomeReplay;
import net.suyuan.ledger.api.income.replay.ReplayReport;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.hash.HashAlg;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Times full replays of a preloaded ledger outside the api (bench/replay-bench.sh), beside their
 * baseline in the same run: the raw JDBC read of the same entries ({@link EntryScan}, nothing done
 * with the rows), then the replay (read + events + attribution + program state, no writes, as the
 * start-up rebuild) with the strict parse on one thread, the lean reader on one thread, and the
 * lean reader in parallel chunks, without and with the chain verification of issue 11 ({@link
 * ParsedScan}, the verified one is what the api runs). Prints markdown rows.
 *
 * <p>{@code java ... IncomeReplayTimer JDBC_URL USER LEDGER_ID [ROUNDS]}
 */
public final class IncomeReplayTimer {
  private interface Pass {
    long run(Connection c) throws SQLException;
  }

  private static String url;
  private static String user;
  private static String ledgerId;

  private IncomeReplayTimer() {}

  public static void main(String[] args) throws Exception {
    url = args[0];
    user = args[1];
    ledgerId = args[2];
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    if (args.length > 4) { // one pass only, e.g. under a profiler
      Pass only =
          switch (args[4]) {
            case "read" -> IncomeReplayTimer::read;
            case "strict" -> IncomeReplayTimer::strict;
            case "lean" -> IncomeReplayTimer::lean;
            case "check" -> IncomeReplayTimer::check;
            case "unverified" -> IncomeReplayTimer::unverified;
            default -> IncomeReplayTimer::parallel;
          };
      for (int round = 0; round < rounds; round++) {
        time(args[4], only, true);
      }
      return;
    }
    System.err.println("warm-up");
    time("warm-up", IncomeReplayTimer::parallel, false);
    time("warm-up", IncomeReplayTimer::strict, false);
    for (int round = 1; round <= rounds; round++) {
      time("raw JDBC read of the entries (baseline)", IncomeReplayTimer::read, true);
      time("replay, strict parse, one thread (before)", IncomeReplayTimer::strict, true);
      time("replay, lean reader, one thread", IncomeReplayTimer::lean, true);
      time(
          "replay, lean reader, parallel chunks, unverified (before issue 11)",
          IncomeReplayTimer::unverified,
          true);
      time(
          "replay, lean reader, parallel chunks, verified (api)",
          IncomeReplayTimer::parallel,
          true);
      if (projected()) {
        time(
            "replay check (IncomeReplay.check, as POST /income/replay)",
            IncomeReplayTimer::check,
            true);
      }
    }
  }

  /** True when the income tables hold the whole ledger (the api projected it). */
  private static boolean projected() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      return ChainRows.watermark(c, ledgerId).seq() >= 0;
    }
  }

  /** The check the endpoint runs, on its own connection; fails unless it finds no difference. */
  private static long check(Connection unused) throws SQLException {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(url);
    source.setUser(user);
    ReplayReport report =
        new IncomeReplay(new IncomeJdbc(source), new LedgerInfo(ledgerId, HashAlg.SHA_256)).check();
    if (!report.ok()) {
      throw new IllegalStateException("replay check found differences: " + report.differences());
    }
    return report.entriesReplayed();
  }

  private static long read(Connection c) throws SQLException {
    long[] n = {0};
    EntryScan.scan(
        c, ledgerId, -1, Long.MAX_VALUE, Long.MAX_VALUE, 5000, (s, t, a, b, h) -> n[0]++);
    return n[0];
  }

  private static long strict(Connection c) throws SQLException {
    return oneThread(c, new IncomeFeed(new EntryEvents(false)));
  }

  private static long lean(Connection c) throws SQLException {
    return oneThread(c, new IncomeFeed());
  }

  private static long oneThread(Connection c, IncomeFeed feed) throws SQLException {
    long[] n = {0};
    EntryScan.scan(
        c,
        ledgerId,
        -1,
        Long.MAX_VALUE,
        Long.MAX_VALUE,
        5000,
        (seq, type, actor, bytes, hash) -> {
          feed.apply(seq, type, actor, bytes, null);
          n[0]++;
        });
    return n[0];
  }

  /** The parallel replay without verification, as before issue 11 (same rows, same chunks). */
  private static long unverified(Connection c) throws SQLException {
    IncomeFeed feed = new IncomeFeed();
    long[] n = {0};
    ParsedScan.Pipeline pipeline =
        new ParsedScan.Pipeline(
            (seq, type, actor, event) -> {
              feed.applyEvent(seq, type, actor, event, null);
              n[0]++;
            },
            ParsedScan.CHUNK);
    try {
      EntryScan.scan(c, ledgerId, -1, Long.MAX_VALUE, Long.MAX_VALUE, 5000, pipeline::add);
      pipeline.finish();
    } finally {
      pipeline.cancel();
    }
    return n[0];
  }

  private static long parallel(Connection c) throws SQLException {
    IncomeFeed feed = new IncomeFeed();
    long[] n = {0};
    ParsedScan.scan(
        c,
        ledgerId,
        null,
        HashAlg.SHA_256,
        ChainRows.ledgerHead(c, ledgerId),
        Long.MAX_VALUE,
        Long.MAX_VALUE,
        5000,
        (seq, type, actor, event) -> {
          feed.applyEvent(seq, type, actor, event, null);
          n[0]++;
        });
    return n[0];
  }

  private static void time(String label, Pass pass, boolean print) throws Exception {
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      System.gc();
      long start = System.nanoTime();
      long entries = pass.run(c);
      double seconds = (System.nanoTime() - start) / 1e9;
      c.commit();
      String row =
          String.format(
              Locale.ROOT,
              "| %s | %,d entries/s | %.2f s for %,d entries | load %s |",
              label,
              (long) (entries / seconds),
              seconds,
              entries,
              load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1)));
      if (print) {
        System.out.println(row);
      }
    }
  }
}
