package net.suyuan.ledger.api.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a valid chain (genesis + sample entries sealed by core's {@link ChainWriter}) straight
 * into the database, replacing whatever the ledger held, until the write path exists and for
 * volumes no HTTP client would produce quickly. Rows go in with binary {@code COPY} in batches, so
 * a million entries take seconds and constant memory. Every 10th entry is a {@code lot.transformed}
 * mentioning two lots; the others are sales of one lot; {@code entry_lot} is filled accordingly.
 */
public final class LedgerFixture {

  /** Chains up to this size are returned in full; longer ones only report their head. */
  public static final int KEEP_LIMIT = 100_000;

  private static final int BATCH = 5_000;
  private static final byte[] COPY_HEADER =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
  private static final String[] CHANNELS = {"platform", "livestream", "social_group", "offline"};

  private LedgerFixture() {}

  /**
   * The written chain: its head, and its entries when there are at most {@link #KEEP_LIMIT}.
   *
   * @param entries seq order, genesis first; empty for large chains
   */
  public record Chain(ChainHead head, List<SealedEntry> entries) {}

  /** The lot a sale entry {@code seq} mentions (transform entries mention two, see class doc). */
  public static String saleLot(long seq) {
    return "LOT-" + (seq % 5);
  }

  /**
   * Deletes the ledger's rows (triggers disabled, as a superuser) and writes {@code count} entries
   * (genesis included) with {@code ledger.head_*} set to the last one.
   */
  public static Chain write(Connection c, String ledgerId, HashAlg alg, int count)
      throws SQLException {
    if (count < 1) {
      throw new IllegalArgumentException("a chain has at least its genesis entry");
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      wipe(c, ledgerId);
      Clock clock = Clock.fixed(Instant.parse("2022-03-01T08:00:00Z"), ZoneOffset.UTC);
      SealedEntry genesis = ChainWriter.genesis(ledgerId, alg, "admin", JsonObject.empty(), clock);
      insertLedger(c, ledgerId, alg, genesis.head()); // entries reference it; head fixed below
      ChainWriter writer = new ChainWriter(alg, genesis.head(), genesis.entry().ts(), clock);
      Random random = new Random(count);
      List<SealedEntry> kept = new ArrayList<>(count <= KEEP_LIMIT ? count : 0);
      StringBuilder lots = new StringBuilder();
      CopyIn copy = copyIn(c, "COPY entry FROM STDIN (FORMAT binary)");
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
      DataOutputStream out = new DataOutputStream(buffer);
      try {
        out.write(COPY_HEADER);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        for (long seq = 0; seq < count; seq++) {
          SealedEntry e = seq == 0 ? genesis : next(writer, random, seq, ledgerId, lots);
          row(out, ledgerId, e);
          if (count <= KEEP_LIMIT) {
            kept.add(e);
          }
          if (buffer.size() >= 1 << 20 || seq % BATCH == 0) {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
          }
        }
        out.writeShort(-1); // trailer
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        copy.endCopy();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
      CopyIn lotCopy = copyIn(c, "COPY entry_lot (ledger_id, lot_id, seq) FROM STDIN");
      byte[] lotRows = lots.toString().getBytes(StandardCharsets.UTF_8);
      lotCopy.writeToCopy(lotRows, 0, lotRows.length);
      lotCopy.endCopy();
      ChainHead head = writer.head();
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE ledger SET head_seq = ?, head_hash = ? WHERE ledger_id = ?")) {
        ps.setLong(1, head.seq());
        ps.setBytes(2, head.hash().bytes());
        ps.setString(3, ledgerId);
        ps.executeUpdate();
      }
      c.commit();
      return new Chain(head, List.copyOf(kept));
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * Runs statements as a superuser with the append-only trigger disabled, in one transaction: the
   * tampering the hash chain exists to expose (docs/storage.md).
   */
  public static void tamper(Connection c, String... statements) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute("ALTER TABLE entry DISABLE TRIGGER entry_no_update_delete");
      for (String sql : statements) {
        st.execute(sql);
      }
      st.execute("ALTER TABLE entry ENABLE TRIGGER entry_no_update_delete");
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * Rewrites one entry's canonical bytes and stored hash, as a superuser with the trigger disabled.
   */
  public static void rewrite(Connection c, String ledgerId, long seq, byte[] canonical, byte[] hash)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE entry SET canonical = ?, hash = ? WHERE ledger_id = ? AND seq = ?")) {
      st.execute("ALTER TABLE entry DISABLE TRIGGER entry_no_update_delete");
      ps.setBytes(1, canonical);
      ps.setBytes(2, hash);
      ps.setString(3, ledgerId);
      ps.setLong(4, seq);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no entry " + seq + " in ledger " + ledgerId);
      }
      st.execute("ALTER TABLE entry ENABLE TRIGGER entry_no_update_delete");
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /** Deletes the ledger and everything in it (as a superuser, trigger disabled). */
  public static void delete(Connection c, String ledgerId) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      wipe(c, ledgerId);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static void wipe(Connection c, String ledgerId) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("ALTER TABLE entry DISABLE TRIGGER entry_no_update_delete");
      if (!ChainWriter.LEDGER_ID.matcher(ledgerId).matches()) {
        throw new IllegalArgumentException("not a ledger id: " + ledgerId);
      }
      String id = "'" + ledgerId + "'"; // [A-Za-z0-9._-] only: safe to inline
      for (String derived :
          new String[] {
            "income_watermark",
            "income_product",
            "income_line",
            "revenue_line",
            "income_revenue_month",
            "income_household_gtin_year",
            "income_household_year",
            "income_program_year",
            "income_program_channel_year"
          }) {
        st.execute("DELETE FROM " + derived + " WHERE ledger_id = " + id);
      }
      st.execute("DELETE FROM entry_lot WHERE ledger_id = " + id);
      st.execute("DELETE FROM idempotency WHERE ledger_id = " + id);
      st.execute("DELETE FROM entry WHERE ledger_id = " + id);
      st.execute("DELETE FROM ledger WHERE ledger_id = " + id);
      st.execute("ALTER TABLE entry ENABLE TRIGGER entry_no_update_delete");
    }
  }

  private static void insertLedger(Connection c, String ledgerId, HashAlg alg, ChainHead head)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, ledgerId);
      ps.setString(2, alg.id());
      ps.setLong(3, head.seq());
      ps.setBytes(4, head.hash().bytes());
      ps.executeUpdate();
    }
  }

  private static SealedEntry next(
      ChainWriter writer, Random random, long seq, String ledgerId, StringBuilder lots) {
    if (seq % 10 == 0) {
      String in = saleLot(seq);
      String out = "G-" + seq;
      lots.append(ledgerId).append('\t').append(in).append('\t').append(seq).append('\n');
      lots.append(ledgerId).append('\t').append(out).append('\t').append(seq).append('\n');
      JsonObject body =
          JsonObject.builder()
              .put("process", "packing")
              .put("inputs", JsonArray.of(lot(in, 1000)))
              .put("outputs", JsonArray.of(lot(out, 900)))
              .put("occurredAt", "2022-03-01T07:00:00.000Z")
              .build();
      return writer.append("proc-" + random.nextInt(3), "lot.transformed", body);
    }
    String lot = saleLot(seq);
    lots.append(ledgerId).append('\t').append(lot).append('\t').append(seq).append('\n');
    JsonObject body =
        JsonObject.builder()
            .put("saleId", "S-" + seq)
            .put("channel", CHANNELS[random.nextInt(CHANNELS.length)])
            .put("lotId", lot)
            .put("quantity", 500L * (1 + random.nextInt(20)))
            .put("unitPriceFen", 800 + random.nextInt(800))
            .put("note", "六枝小黄姜 \"直播间\"")
            .put("occurredAt", "2022-03-01T07:00:00.000Z")
            .build();
    return writer.append("seller-" + random.nextInt(20), "sale.recorded", body);
  }

  private static JsonObject lot(String lotId, long quantity) {
    return JsonObject.builder().put("lotId", lotId).put("quantity", quantity).build();
  }

  /** One tuple of PostgreSQL's binary COPY format (8 fields: the entry table's columns). */
  private static void row(DataOutputStream out, String ledgerId, SealedEntry e) throws IOException {
    out.writeShort(8);
    text(out, ledgerId);
    out.writeInt(8);
    out.writeLong(e.seq());
    out.writeInt(8);
    out.writeLong(ChronoUnit.MICROS.between(PG_EPOCH, e.entry().ts()));
    text(out, e.entry().actor());
    text(out, e.entry().type());
    bytes(out, e.canonical());
    bytes(out, e.hash().bytes());
    bytes(out, e.entry().prev().bytes());
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    bytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static CopyIn copyIn(Connection c, String sql) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
  }
}
