package net.suyuan.ledger.api.income.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.suyuan.ledger.api.income.projection.ChainRows;
import net.suyuan.ledger.api.income.projection.ChainRows.Watermark;
import net.suyuan.ledger.api.income.projection.IncomeFeed;
import net.suyuan.ledger.api.income.projection.IncomeJdbc;
import net.suyuan.ledger.api.income.projection.ParsedScan;
import net.suyuan.ledger.api.income.projection.ProductRow;
import net.suyuan.ledger.api.income.projection.ProjectionFailure;
import net.suyuan.ledger.api.income.projection.Rollups;
import net.suyuan.ledger.api.income.replay.LiveTables.LineRow;
import net.suyuan.ledger.api.income.replay.LiveTables.RevenueRow;
import net.suyuan.ledger.api.income.replay.ReplayReport.Difference;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.HashAlg;
import org.springframework.stereotype.Service;

/**
 * The replay check: rebuilds every income figure from a full, verified replay of the ledger in
 * memory and compares it with the live tables. It reads one REPEATABLE READ snapshot: the watermark
 * first, then the entries up to it (verified as the projector reads them, {@link ParsedScan}: a
 * broken chain stops the replay at its first failure, which the report gives as the audit does; the
 * replay must also end on the very entry, same hash, that the watermark records), the lines
 * (streamed beside the entries, seq by seq, so memory holds one entry's lines, not the ledger's)
 * and the rollups and products (compared whole at the end). The projector commits lines, rollups
 * and watermark together, so in one snapshot they must agree exactly. Blocking; callers run it off
 * the event loop.
 */
@Service
public class IncomeReplay {
  static final int MAX_DIFFERENCES = 100;
  private static final int FETCH_SIZE = 5000;

  private final IncomeJdbc jdbc;
  private final String ledgerId;
  private final HashAlg alg;

  public IncomeReplay(IncomeJdbc jdbc, LedgerInfo ledger) {
    this.jdbc = jdbc;
    this.ledgerId = ledger.ledgerId();
    this.alg = ledger.alg();
  }

  /** Replays and compares; the report lists what differs. */
  public ReplayReport check() throws SQLException {
    long start = System.nanoTime();
    try (Connection c = jdbc.connect()) {
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      Run run = new Run();
      String snapshot = AsideRows.exportSnapshot(c); // the snapshot starts here
      Watermark watermark = ChainRows.watermark(c, ledgerId);
      ChainHead head = ChainRows.ledgerHead(c, ledgerId);
      long asOf = watermark.seq();
      ProjectionFailure failure;
      ChainHead verified;
      try (AsideRows<LineRow> lines =
              AsideRows.open(jdbc, snapshot, LiveTables.LINES, ledgerId, LiveTables::line);
          ResultSet revenue = LiveTables.cursor(c, LiveTables.REVENUE, ledgerId, FETCH_SIZE);
          RollupsAside aside = new RollupsAside(run.totals)) {
        // income lines (3 a sale) are read on a second connection in this snapshot, beside the
        // replay; revenue lines (1 a sale or refund) here
        Cursor<LineRow> liveLines = new Cursor<>(lines::next);
        Cursor<RevenueRow> liveRevenue =
            new Cursor<>(() -> revenue.next() ? LiveTables.revenue(revenue) : null);
        ParsedScan.End end =
            ParsedScan.scan(
                c,
                ledgerId,
                null,
                alg,
                head,
                asOf,
                Long.MAX_VALUE,
                FETCH_SIZE,
                (seq, type, actor, event) -> {
                  IncomeFeed.Applied a = run.feed.applyEvent(seq, type, actor, event, run.totals);
                  run.entries++;
                  aside.add(a); // household and revenue rollups, on a second thread
                  if (a.product() != null) {
                    run.products.put(a.product().gtin(), a.product());
                  }
                  run.compareLines(
                      seq, a.lines().stream().map(LineRow::of).toList(), liveLines.takeSeq(seq));
                  run.compareRevenue(
                      seq,
                      a.revenue().stream().map(RevenueRow::of).toList(),
                      liveRevenue.takeSeq(seq));
                });
        verified = end.delivered();
        failure = watermark.reachedBy(end);
        if (failure == null) { // else the live rows after the failure cannot be compared
          run.extra("income_line", liveLines);
          run.extra("revenue_line", liveRevenue);
        }
        aside.finish();
      }
      if (failure == null) {
        compareTotals(c, run);
        // the tables agree with the chain up to the watermark; is the chain after it intact?
        ParsedScan.End rest = ParsedScan.verify(c, ledgerId, verified, alg, head, FETCH_SIZE);
        failure = rest.failure();
        verified = rest.delivered();
      }
      c.commit();
      long nanos = Math.max(1, System.nanoTime() - start);
      return new ReplayReport(
          failure == null && run.count == 0,
          asOf,
          ReplayReport.Head.of(asOf, watermark.hex()),
          verified == null ? null : ReplayReport.Head.of(verified.seq(), verified.hash().hex()),
          ReplayReport.Failure.of(failure),
          run.entries,
          (long) (run.entries * 1e9 / nanos),
          nanos / 1_000_000,
          run.count,
          List.copyOf(run.differences));
    }
  }

  private void compareTotals(Connection c, Run run) throws SQLException {
    run.compareMaps("income_product", LiveTables.products(c, ledgerId), run.products);
    Rollups live = LiveTables.rollups(c, ledgerId);
    run.compareMaps("income_revenue_month", live.revenueMonth, run.totals.revenueMonth);
    run.compareMaps(
        "income_household_gtin_year", live.householdGtinYear, run.totals.householdGtinYear);
    run.compareMaps("income_household_year", live.householdYear, run.totals.householdYear);
    run.compareMaps("income_program_year", live.programYear, run.totals.programYear);
    run.compareMaps(
        "income_program_channel_year", live.programChannelYear, run.totals.programChannelYear);
  }

  /** Rows of one seq-ordered cursor, taken a seq at a time. */
  private static final class Cursor<T> {
    interface Source<T> {
      /** The next row, null after the last. */
      T next() throws SQLException;
    }

    private final Source<T> source;
    private T next;
    private boolean done;

    Cursor(Source<T> source) {
      this.source = source;
    }

    private T peek() throws SQLException {
      if (next == null && !done) {
        next = source.next();
        done = next == null;
      }
      return next;
    }

    private long seqOf(T row) {
      return row instanceof LineRow l ? l.seq() : ((RevenueRow) row).seq();
    }

    /** The rows with seq up to {@code seq} (rows below it were never produced: differences). */
    List<T> takeSeq(long seq) throws SQLException {
      List<T> out = new ArrayList<>();
      for (T row = peek(); row != null && seqOf(row) <= seq; row = peek()) {
        out.add(row);
        next = null;
      }
      return out;
    }

    List<T> rest() throws SQLException {
      return takeSeq(Long.MAX_VALUE);
    }
  }

  /** One check's state. */
  private static final class Run {
    final IncomeFeed feed = new IncomeFeed();
    final Rollups totals = new Rollups();
    final Map<String, ProductRow> products = new HashMap<>();
    final List<Difference> differences = new ArrayList<>();
    long entries;
    long count;

    void differ(String table, String key, Object live, Object replay) {
      count++;
      if (differences.size() < MAX_DIFFERENCES) {
        differences.add(
            new Difference(
                table,
                key,
                live == null ? null : String.valueOf(live),
                replay == null ? null : String.valueOf(replay)));
      }
    }

    void compareLines(long seq, List<LineRow> replay, List<LineRow> live) {
      compareRows(
          "income_line", replay, live, r -> "seq=" + r.seq() + " household=" + r.householdId());
    }

    void compareRevenue(long seq, List<RevenueRow> replay, List<RevenueRow> live) {
      compareRows("revenue_line", replay, live, r -> "seq=" + r.seq());
    }

    private <T> void compareRows(
        String table, List<T> replay, List<T> live, java.util.function.Function<T, String> key) {
      if (replay.equals(live)) {
        return;
      }
      Map<String, T> byKey = new HashMap<>();
      replay.forEach(r -> byKey.put(key.apply(r), r));
      Set<String> seen = new HashSet<>();
      for (T l : live) {
        String k = key.apply(l);
        seen.add(k);
        T r = byKey.get(k);
        if (!l.equals(r)) {
          differ(table, k, l, r);
        }
      }
      replay.stream()
          .filter(r -> !seen.contains(key.apply(r)))
          .sorted(Comparator.comparing(key))
          .forEach(r -> differ(table, key.apply(r), null, r));
    }

    <T> void extra(String table, Cursor<T> cursor) throws SQLException {
      for (T row : cursor.rest()) {
        differ(table, "beyond the replay", row, null);
      }
    }

    <K, V> void compareMaps(String table, Map<K, V> live, Map<K, V> replay) {
      // find the differing keys first and sort only those (sorting every key by its string was a
      // fifth of a replay check); the report lists them in the same order either way
      List<K> differing = new ArrayList<>();
      live.forEach(
          (k, l) -> {
            if (!equal(l, replay.get(k))) {
              differing.add(k);
            }
          });
      replay.forEach(
          (k, r) -> {
            if (!live.containsKey(k)) {
              differing.add(k);
            }
          });
      differing.stream()
          .sorted(Comparator.comparing(String::valueOf))
          .forEach(
              k -> {
                V l = live.get(k);
                V r = replay.get(k);
                if (!equal(l, r)) {
                  differ(table, String.valueOf(k), show(l), show(r));
                }
              });
    }

    private static boolean equal(Object a, Object b) {
      return a instanceof long[] x && b instanceof long[] y
          ? Arrays.equals(x, y)
          : Objects.equals(a, b);
    }

    private static Object show(Object v) {
      return v instanceof long[] x ? Arrays.toString(x) : v;
    }
  }
}
