package net.suyuan.ledger.api.income.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import net.suyuan.ledger.api.income.projection.IncomeRows;
import net.suyuan.ledger.api.income.projection.ProductRow;
import net.suyuan.ledger.api.income.projection.Rollups;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;
import org.postgresql.PGStatement;

/**
 * Reads the income tables back for the replay check, as comparable rows: lines through cursors in
 * seq order, rollups and products whole (they are small).
 */
final class LiveTables {
  /** An income_line as stored. */
  record LineRow(
      long seq,
      String householdId,
      String kind,
      long amountFen,
      java.time.Instant occurredAt,
      LocalDate date,
      String channel,
      String saleId,
      String lotId,
      String gtin) {
    static LineRow of(IncomeLine l) {
      return new LineRow(
          l.seq(),
          l.householdId().value(),
          IncomeRows.kind(l.kind()),
          l.amountFen(),
          l.occurredAt(),
          l.date(),
          l.sale().map(s -> s.channel().wire()).orElse(null),
          l.sale().map(s -> s.saleId().value()).orElse(null),
          l.sale().map(s -> s.lotId().value()).orElse(null),
          l.sale().map(s -> s.gtin().value()).orElse(null));
    }
  }

  /** A revenue_line as stored. */
  record RevenueRow(
      long seq,
      String kind,
      String saleId,
      String channel,
      String lotId,
      String gtin,
      java.time.Instant occurredAt,
      LocalDate date,
      long quantity,
      long grossFen,
      long feesFen,
      long netFen) {
    static RevenueRow of(RevenueLine r) {
      return new RevenueRow(
          r.seq(),
          IncomeRows.kind(r.kind()),
          r.sale().saleId().value(),
          r.sale().channel().wire(),
          r.sale().lotId().value(),
          r.sale().gtin().value(),
          r.occurredAt(),
          r.date(),
          r.quantity(),
          r.grossFen(),
          r.feesFen(),
          r.netFen());
    }
  }

  private LiveTables() {}

  static final String LINES =
      "SELECT seq, household_id, kind, amount_fen, occurred_at, occurred_date, channel, sale_id,"
          + " lot_id, gtin FROM income_line WHERE ledger_id = ? ORDER BY seq";
  static final String REVENUE =
      "SELECT seq, kind, sale_id, channel, lot_id, gtin, occurred_at, occurred_date, quantity,"
          + " gross_fen, fees_fen, net_fen FROM revenue_line WHERE ledger_id = ? ORDER BY seq";

  static ResultSet cursor(Connection c, String sql, String ledgerId, int fetchSize)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    // server-prepared from the first execution, so timestamps, dates and numbers arrive in binary
    // (parsing their text was most of reading three million lines)
    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    ps.setFetchSize(fetchSize);
    ps.setString(1, ledgerId);
    return ps.executeQuery();
  }

  static LineRow line(ResultSet rs) throws SQLException {
    return new LineRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getObject(5, OffsetDateTime.class).toInstant(),
        rs.getObject(6, LocalDate.class),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10));
  }

  static RevenueRow revenue(ResultSet rs) throws SQLException {
    return new RevenueRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7, OffsetDateTime.class).toInstant(),
        rs.getObject(8, LocalDate.class),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11),
        rs.getLong(12));
  }

  static Map<String, ProductRow> products(Connection c, String ledgerId) throws SQLException {
    Map<String, ProductRow> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT gtin, org_id, base_unit, reference_fen, reference_per, seq FROM income_product"
                + " WHERE ledger_id = ?")) {
      ps.setString(1, ledgerId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1),
              new ProductRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, Long.class),
                  rs.getObject(5, Long.class),
                  rs.getLong(6)));
        }
      }
    }
    return out;
  }

  /** The three rollup tables as a {@link Rollups}. */
  static Rollups rollups(Connection c, String ledgerId) throws SQLException {
    Rollups r = new Rollups();
    read(
        c,
        "SELECT gtin, channel, month, "
            + String.join(", ", Rollups.REVENUE_MONTH)
            + " FROM income_revenue_month WHERE ledger_id = ?",
        ledgerId,
        rs -> {
          long[] v = values(rs, 4, Rollups.REVENUE_MONTH.length);
          r.revenueMonth.put(
              new Rollups.MonthKey(
                  rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
              v);
        });
    read(
        c,
        "SELECT gtin, year, channel, household_id, "
            + String.join(", ", Rollups.HOUSEHOLD_GTIN_YEAR)
            + " FROM income_household_gtin_year WHERE ledger_id = ?",
        ledgerId,
        rs ->
            r.householdGtinYear.put(
                new Rollups.GtinYearKey(
                    rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                values(rs, 5, Rollups.HOUSEHOLD_GTIN_YEAR.length)));
    read(
        c,
        "SELECT household_id, year, "
            + String.join(", ", Rollups.HOUSEHOLD_YEAR)
            + " FROM income_household_year WHERE ledger_id = ?",
        ledgerId,
        rs ->
            r.householdYear.put(
                new Rollups.YearKey(rs.getString(1), rs.getInt(2)),
                values(rs, 3, Rollups.HOUSEHOLD_YEAR.length)));
    read(
        c,
        "SELECT org_id, year, "
            + String.join(", ", Rollups.PROGRAM_YEAR)
            + " FROM income_program_year WHERE ledger_id = ?",
        ledgerId,
        rs ->
            r.programYear.put(
                new Rollups.ProgramKey(rs.getString(1), rs.getInt(2)),
                values(rs, 3, Rollups.PROGRAM_YEAR.length)));
    read(
        c,
        "SELECT org_id, year, channel, "
            + String.join(", ", Rollups.PROGRAM_CHANNEL_YEAR)
            + " FROM income_program_channel_year WHERE ledger_id = ?",
        ledgerId,
        rs ->
            r.programChannelYear.put(
                new Rollups.ProgramChannelKey(rs.getString(1), rs.getInt(2), rs.getString(3)),
                values(rs, 4, Rollups.PROGRAM_CHANNEL_YEAR.length)));
    return r;
  }

  private interface RowReader {
    void row(ResultSet rs) throws SQLException;
  }

  private static void read(Connection c, String sql, String ledgerId, RowReader reader)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
      ps.setFetchSize(5000);
      ps.setString(1, ledgerId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.row(rs);
        }
      }
    }
  }

  private static long[] values(ResultSet rs, int first, int n) throws SQLException {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = rs.getLong(first + i);
    }
    return v;
  }
}
