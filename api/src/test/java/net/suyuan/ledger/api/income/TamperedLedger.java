package net.suyuan.ledger.api.income;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.TestJdbc;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import org.springframework.core.env.Environment;

/**
 * A ledger written through the API, tampered with in the database the way a superuser can (the
 * append-only trigger and the foreign keys switched off for the transaction), and put back: the
 * stored entries and the ledger row are copied aside once, and {@link #restore} rewrites exactly
 * the rows that differ from the copy. {@link #reproject} empties the ledger's income tables, as an
 * operator does to have them rebuilt (docs/storage.md).
 */
final class TamperedLedger {
  private static final String[] INCOME_TABLES = {
    "income_watermark",
    "income_product",
    "income_line",
    "revenue_line",
    "income_revenue_month",
    "income_household_gtin_year",
    "income_household_year",
    "income_program_year",
    "income_program_channel_year"
  };

  private final Environment env;
  private final String ledgerId;
  private final String entries;
  private final String ledger;

  TamperedLedger(Environment env, String ledgerId) {
    this.env = env;
    this.ledgerId = ledgerId;
    String suffix = ledgerId.replaceAll("[^A-Za-z0-9]", "_");
    this.entries = "tamper_entry_" + suffix;
    this.ledger = "tamper_ledger_" + suffix;
  }

  /** Copies the ledger's entries, entry_lot rows and ledger row aside. */
  void keepCopy() throws SQLException {
    run(
        "DROP TABLE IF EXISTS " + entries,
        "DROP TABLE IF EXISTS " + ledger,
        "CREATE TABLE " + entries + " AS SELECT * FROM entry WHERE ledger_id = '" + ledgerId + "'",
        "CREATE TABLE " + ledger + " AS SELECT * FROM ledger WHERE ledger_id = '" + ledgerId + "'");
  }

  /** Puts back every entry and the ledger row as copied. */
  void restore() throws SQLException {
    String id = "'" + ledgerId + "'";
    tamper(
        "DELETE FROM entry e WHERE ledger_id = "
            + id
            + " AND NOT EXISTS (SELECT 1 FROM "
            + entries
            + " b WHERE b.seq = e.seq)",
        "UPDATE entry e SET canonical = b.canonical, hash = b.hash, prev = b.prev FROM "
            + entries
            + " b WHERE e.ledger_id = "
            + id
            + " AND b.seq = e.seq AND (e.canonical <> b.canonical OR e.hash <> b.hash)",
        "INSERT INTO entry SELECT * FROM "
            + entries
            + " b WHERE NOT EXISTS (SELECT 1 FROM entry e WHERE e.ledger_id = "
            + id
            + " AND e.seq = b.seq)",
        "UPDATE ledger l SET head_seq = b.head_seq, head_hash = b.head_hash, head_ts = b.head_ts"
            + " FROM "
            + ledger
            + " b WHERE l.ledger_id = b.ledger_id");
  }

  /** Empties the ledger's income tables and watermark: the projector rebuilds them from seq 0. */
  void reproject() throws SQLException {
    String[] deletes = new String[INCOME_TABLES.length];
    for (int i = 0; i < deletes.length; i++) {
      deletes[i] = "DELETE FROM " + INCOME_TABLES[i] + " WHERE ledger_id = '" + ledgerId + "'";
    }
    run(deletes);
  }

  /** Statements as a superuser with triggers and foreign key checks off, in one transaction. */
  void tamper(String... statements) throws SQLException {
    String[] all = new String[statements.length + 1];
    all[0] = "SET LOCAL session_replication_role = replica";
    System.arraycopy(statements, 0, all, 1, statements.length);
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.tamper(c, all);
    }
  }

  /** Replaces an entry's stored bytes; its stored hash too when {@code rehash}. */
  void rewrite(long seq, byte[] canonical, boolean rehash) throws SQLException {
    byte[] hash = rehash ? new EntryHasher(HashAlg.SHA_256).hash(canonical).bytes() : hash(seq);
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.rewrite(c, ledgerId, seq, canonical, hash);
    }
  }

  void delete(long seq) throws SQLException {
    tamper(
        "DELETE FROM entry_lot WHERE ledger_id = '" + ledgerId + "' AND seq = " + seq,
        "DELETE FROM entry WHERE ledger_id = '" + ledgerId + "' AND seq = " + seq);
  }

  byte[] canonical(long seq) throws SQLException {
    return column("canonical", seq);
  }

  byte[] hash(long seq) throws SQLException {
    return column("hash", seq);
  }

  /**
   * Seals {@code body} after the ledger head, linking to {@code prev} (the head's hash for a valid
   * link), and stores it as the new head, as an append would: a row the chain may or may not vouch
   * for.
   */
  SealedEntry appendAfterHead(String actor, String type, JsonObject body, EntryHash prev)
      throws SQLException {
    try (Connection c = TestJdbc.connect(env)) {
      ChainHead head;
      Instant headTs;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT head_seq, head_hash, head_ts FROM ledger WHERE ledger_id = '"
                      + ledgerId
                      + "'")) {
        rs.next();
        head = new ChainHead(rs.getLong(1), new EntryHash(rs.getBytes(2)));
        headTs = rs.getTimestamp(3).toInstant();
      }
      ChainWriter writer =
          new ChainWriter(
              HashAlg.SHA_256, new ChainHead(head.seq(), prev), headTs, Clock.systemUTC());
      SealedEntry e = writer.append(actor, type, body);
      try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement up =
              c.prepareStatement(
                  "UPDATE ledger SET head_seq = ?, head_hash = ?, head_ts = ? WHERE ledger_id = ?")) {
        ps.setString(1, ledgerId);
        ps.setLong(2, e.seq());
        ps.setTimestamp(3, Timestamp.from(e.entry().ts()));
        ps.setString(4, actor);
        ps.setString(5, type);
        ps.setBytes(6, e.canonical());
        ps.setBytes(7, e.hash().bytes());
        ps.setBytes(8, prev.bytes());
        ps.executeUpdate();
        up.setLong(1, e.seq());
        up.setBytes(2, e.hash().bytes());
        up.setTimestamp(3, Timestamp.from(e.entry().ts()));
        up.setString(4, ledgerId);
        up.executeUpdate();
      }
      return e;
    }
  }

  private byte[] column(String column, long seq) throws SQLException {
    try (Connection c = TestJdbc.connect(env);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + column + " FROM entry WHERE ledger_id = ? AND seq = ?")) {
      ps.setString(1, ledgerId);
      ps.setLong(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no entry " + seq);
        }
        return rs.getBytes(1);
      }
    }
  }

  private void run(String... statements) throws SQLException {
    try (Connection c = TestJdbc.connect(env);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
