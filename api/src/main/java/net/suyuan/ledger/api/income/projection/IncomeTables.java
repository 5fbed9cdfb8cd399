package net.suyuan.ledger.api.income.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;

/**
 * Writes a batch to the income tables (V4__income.sql) over JDBC, one statement per table whatever
 * the batch size ({@code INSERT ... SELECT FROM unnest(arrays)}), rollups as upserts that add the
 * batch's deltas, and the watermark with the hash of its entry. The caller holds the watermark row
 * lock ({@link ChainRows#lockWatermark}) and commits.
 */
final class IncomeTables {
  private IncomeTables() {}

  static void write(Connection c, String ledgerId, IncomeBatch batch) throws SQLException {
    if (!batch.products.isEmpty()) {
      Unnest u = new Unnest(batch.products.size());
      for (ProductRow p : batch.products) {
        u.add(p.gtin(), p.orgId(), p.baseUnit(), p.referenceFen(), p.referencePer(), p.seq());
      }
      u.insert(
          c,
          ledgerId,
          "income_product (ledger_id, gtin, org_id, base_unit, reference_fen, reference_per, seq)",
          "text,text,text,bigint,bigint,bigint",
          "");
    }
    if (!batch.lines.isEmpty()) {
      Unnest u = new Unnest(batch.lines.size());
      for (IncomeLine l : batch.lines) {
        u.add(
            l.seq(),
            l.householdId().value(),
            IncomeRows.kind(l.kind()),
            l.amountFen(),
            l.occurredAt().toString(),
            l.date().toString(),
            l.sale().map(s -> s.channel().wire()).orElse(null),
            l.sale().map(s -> s.saleId().value()).orElse(null),
            l.sale().map(s -> s.lotId().value()).orElse(null),
            l.sale().map(s -> s.gtin().value()).orElse(null));
      }
      u.insert(
          c,
          ledgerId,
          "income_line (ledger_id, seq, household_id, kind, amount_fen, occurred_at, occurred_date,"
              + " channel, sale_id, lot_id, gtin)",
          "bigint,text,text,bigint,timestamptz,date,text,text,text,text",
          "");
    }
    if (!batch.revenue.isEmpty()) {
      Unnest u = new Unnest(batch.revenue.size());
      for (RevenueLine r : batch.revenue) {
        u.add(
            r.seq(),
            IncomeRows.kind(r.kind()),
            r.sale().saleId().value(),
            r.sale().channel().wire(),
            r.sale().lotId().value(),
            r.sale().gtin().value(),
            r.occurredAt().toString(),
            r.date().toString(),
            r.quantity(),
            r.grossFen(),
            r.feesFen(),
            r.netFen());
      }
      u.insert(
          c,
          ledgerId,
          "revenue_line (ledger_id, seq, kind, sale_id, channel, lot_id, gtin, occurred_at,"
              + " occurred_date, quantity, gross_fen, fees_fen, net_fen)",
          "bigint,text,text,text,text,text,timestamptz,date,bigint,bigint,bigint,bigint",
          "");
    }
    writeRollups(c, ledgerId, batch.rollups);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE income_watermark SET seq = ?, hash = ?, updated_at = now()"
                + " WHERE ledger_id = ?")) {
      ps.setLong(1, batch.toSeq);
      ps.setBytes(2, batch.toHash);
      ps.setString(3, ledgerId);
      ps.executeUpdate();
    }
  }

  private static void writeRollups(Connection c, String ledgerId, Rollups r) throws SQLException {
    if (!r.revenueMonth.isEmpty()) {
      Unnest u = new Unnest(r.revenueMonth.size());
      for (Map.Entry<Rollups.MonthKey, long[]> e : r.revenueMonth.entrySet()) {
        Rollups.MonthKey k = e.getKey();
        u.add(k.gtin(), k.channel(), k.month().toString(), e.getValue());
      }
      upsert(
          c,
          ledgerId,
          u,
          "income_revenue_month",
          "gtin,channel,month",
          "text,text,date",
          Rollups.REVENUE_MONTH);
    }
    if (!r.householdGtinYear.isEmpty()) {
      Unnest u = new Unnest(r.householdGtinYear.size());
      for (Map.Entry<Rollups.GtinYearKey, long[]> e : r.householdGtinYear.entrySet()) {
        Rollups.GtinYearKey k = e.getKey();
        u.add(k.gtin(), k.year(), k.channel(), k.householdId(), e.getValue());
      }
      upsert(
          c,
          ledgerId,
          u,
          "income_household_gtin_year",
          "gtin,year,channel,household_id",
          "text,integer,text,text",
          Rollups.HOUSEHOLD_GTIN_YEAR);
    }
    if (!r.householdYear.isEmpty()) {
      Unnest u = new Unnest(r.householdYear.size());
      for (Map.Entry<Rollups.YearKey, long[]> e : r.householdYear.entrySet()) {
        u.add(e.getKey().householdId(), e.getKey().year(), e.getValue());
      }
      upsert(
          c,
          ledgerId,
          u,
          "income_household_year",
          "household_id,year",
          "text,integer",
          Rollups.HOUSEHOLD_YEAR);
    }
    if (!r.programYear.isEmpty()) {
      Unnest u = new Unnest(r.programYear.size());
      for (Map.Entry<Rollups.ProgramKey, long[]> e : r.programYear.entrySet()) {
        u.add(e.getKey().org(), e.getKey().year(), e.getValue());
      }
      upsert(
          c,
          ledgerId,
          u,
          "income_program_year",
          "org_id,year",
          "text,integer",
          Rollups.PROGRAM_YEAR);
    }
    if (!r.programChannelYear.isEmpty()) {
      Unnest u = new Unnest(r.programChannelYear.size());
      for (Map.Entry<Rollups.ProgramChannelKey, long[]> e : r.programChannelYear.entrySet()) {
        Rollups.ProgramChannelKey k = e.getKey();
        u.add(k.org(), k.year(), k.channel(), e.getValue());
      }
      upsert(
          c,
          ledgerId,
          u,
          "income_program_channel_year",
          "org_id,year,channel",
          "text,integer,text",
          Rollups.PROGRAM_CHANNEL_YEAR);
    }
  }

  private static void upsert(
      Connection c,
      String ledgerId,
      Unnest u,
      String table,
      String keys,
      String keyTypes,
      String[] values)
      throws SQLException {
    List<String> sets = new ArrayList<>();
    for (String v : values) {
      sets.add(v + " = " + table + "." + v + " + EXCLUDED." + v);
    }
    String types = keyTypes + ",bigint".repeat(values.length);
    u.insert(
        c,
        ledgerId,
        table + " (ledger_id, " + keys + ", " + String.join(", ", values) + ")",
        types,
        " ON CONFLICT (ledger_id, " + keys + ") DO UPDATE SET " + String.join(", ", sets));
  }

  /**
   * Column arrays for {@code INSERT INTO t SELECT ledger, * FROM unnest(...)}: rows are added as
   * values (a trailing {@code long[]} is spread into columns); dates and times travel as text and
   * are cast by PostgreSQL.
   */
  private static final class Unnest {
    private final List<List<Object>> columns = new ArrayList<>();
    private final int rows;

    Unnest(int rows) {
      this.rows = rows;
    }

    void add(Object... values) {
      List<Object> flat = new ArrayList<>();
      for (Object v : values) {
        if (v instanceof long[] longs) {
          for (long l : longs) {
            flat.add(l);
          }
        } else {
          flat.add(v);
        }
      }
      while (columns.size() < flat.size()) {
        columns.add(new ArrayList<>(rows));
      }
      for (int i = 0; i < flat.size(); i++) {
        columns.get(i).add(flat.get(i));
      }
    }

    void insert(Connection c, String ledgerId, String into, String types, String suffix)
        throws SQLException {
      String[] t = types.split(",");
      StringBuilder args = new StringBuilder();
      for (int i = 0; i < t.length; i++) {
        args.append(i == 0 ? "" : ", ").append("?::").append(pgArrayType(t[i])).append("[]");
        if (!t[i].equals(pgArrayType(t[i]))) {
          args.append("::").append(t[i]).append("[]");
        }
      }
      String sql = "INSERT INTO " + into + " SELECT ?, * FROM unnest(" + args + ")" + suffix;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setString(1, ledgerId);
        for (int i = 0; i < t.length; i++) {
          String type = pgArrayType(t[i]);
          Object[] values =
              type.equals("bigint")
                  ? columns.get(i).stream()
                      .map(v -> v == null ? null : ((Number) v).longValue())
                      .toArray(Long[]::new)
                  : type.equals("integer")
                      ? columns.get(i).toArray(Integer[]::new)
                      : columns.get(i).toArray(String[]::new);
          ps.setArray(i + 2, c.createArrayOf(type, values));
        }
        ps.executeUpdate();
      }
    }

    /** dates and timestamps are sent as text. */
    private static String pgArrayType(String type) {
      return type.equals("date") || type.equals("timestamptz") ? "text" : type;
    }
  }
}
