package net.suyuan.ledger.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a chain straight into PostgreSQL for the preloading benchmarks: the ledger row with its
 * genesis, then every entry through COPY in chunks of about 4 MB, then the head. One transaction on
 * the caller's connection (auto-commit off); the caller commits.
 */
final class ChainCopy {
  private static final HexFormat HEX = HexFormat.of();
  private static final String ENTRIES =
      "COPY entry (ledger_id, seq, ts, actor, type, canonical, hash, prev) FROM STDIN WITH (FORMAT csv)";
  private static final int CHUNK = 1 << 22;

  private final Connection db;
  private final CopyManager copy;
  private final String ledgerId;
  private final StringBuilder chunk = new StringBuilder(CHUNK);
  private SealedEntry last;

  /** Inserts the ledger row for {@code genesis} (head at it) and queues the genesis entry. */
  ChainCopy(Connection db, String ledgerId, String hashAlg, SealedEntry genesis)
      throws SQLException {
    this.db = db;
    this.copy = db.unwrap(PGConnection.class).getCopyAPI();
    this.ledgerId = ledgerId;
    try (PreparedStatement l =
        db.prepareStatement(
            "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash) VALUES (?, ?, 0, ?)")) {
      l.setString(1, ledgerId);
      l.setString(2, hashAlg);
      l.setBytes(3, genesis.hash().bytes());
      l.executeUpdate();
    }
    add(genesis);
  }

  /** Queues the next entry; writes the queue when it has grown past a chunk. */
  void add(SealedEntry e) {
    chunk
        .append(ledgerId)
        .append(',')
        .append(e.seq())
        .append(',')
        .append(Timestamps.format(e.entry().ts()))
        .append(',')
        .append(e.entry().actor())
        .append(',')
        .append(e.entry().type())
        .append(",\\x")
        .append(HEX.formatHex(e.canonical()))
        .append(",\\x")
        .append(e.hash().hex())
        .append(",\\x")
        .append(e.entry().prev().hex())
        .append('\n');
    last = e;
    if (chunk.length() > CHUNK) {
      copyIn(copy, ENTRIES, chunk);
    }
  }

  /** Writes what is queued and moves the ledger's head (seq, hash, ts) to the last entry. */
  SealedEntry finish() throws SQLException {
    copyIn(copy, ENTRIES, chunk);
    try (PreparedStatement h =
        db.prepareStatement(
            "UPDATE ledger SET head_seq = ?, head_hash = ?, head_ts = ? WHERE ledger_id = ?")) {
      h.setLong(1, last.seq());
      h.setBytes(2, last.hash().bytes());
      h.setObject(3, java.time.OffsetDateTime.ofInstant(last.entry().ts(), ZoneOffset.UTC));
      h.setString(4, ledgerId);
      h.executeUpdate();
    }
    return last;
  }

  /** Runs {@code sql} (a COPY ... FROM STDIN) over {@code rows}, then empties them. */
  void copyRows(String sql, StringBuilder rows) {
    copyIn(copy, sql, rows);
  }

  private static void copyIn(CopyManager copy, String sql, StringBuilder rows) {
    try {
      copy.copyIn(sql, new StringReader(rows.toString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    rows.setLength(0);
  }
}
