package net.suyuan.ledger.api.income.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.EntryHash;

/**
 * The small reads around a verified scan: the ledger row's head, the watermark with the hash of the
 * entry it was verified at, and the probe a stuck projector compares before it retries.
 */
public final class ChainRows {
  private ChainRows() {}

  /** The watermark and the hash recorded with it (null at -1 and for rows from before V6.1). */
  public record Watermark(long seq, byte[] hash) {
    static final Watermark NONE = new Watermark(-1, null);

    /** Does the recorded hash agree with the head a replay verified up to it? */
    boolean matches(ChainHead verified) {
      if (seq < 0) {
        return verified == null;
      }
      return verified != null
          && verified.seq() == seq
          && (hash == null || Arrays.equals(hash, verified.hash().bytes()));
    }

    public String hex() {
      return hash == null ? null : new EntryHash(hash).hex();
    }

    /**
     * Null when a verified scan up to this watermark delivered exactly the entry it names (same
     * hash); otherwise why not. A failure after the watermark is for the projector's next step.
     */
    public ProjectionFailure reachedBy(ParsedScan.End end) {
      if (end.deliveredSeq() < seq && end.failure() != null) {
        return end.failure();
      }
      if (matches(end.delivered())) {
        return null;
      }
      return new ProjectionFailure(
          seq,
          "hash_mismatch",
          "the income tables were computed up to entry "
              + seq
              + " with hash "
              + hex()
              + "; the verified chain has "
              + (end.delivered() == null
                  ? "no entries"
                  : "seq " + end.delivered().seq() + " hash " + end.delivered().hash().hex()));
    }
  }

  /** The ledger row's head: every committed entry has seq <= it (one transaction writes both). */
  public static ChainHead ledgerHead(Connection c, String ledgerId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT head_seq, head_hash FROM ledger WHERE ledger_id = ?")) {
      ps.setString(1, ledgerId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("ledger " + ledgerId + " does not exist");
        }
        return new ChainHead(rs.getLong(1), new EntryHash(rs.getBytes(2)));
      }
    }
  }

  /** The watermark without locking, {@link Watermark#NONE} when there is none yet. */
  public static Watermark watermark(Connection c, String ledgerId) throws SQLException {
    return watermark(c, ledgerId, "");
  }

  /** Locks the ledger's watermark row (creating it at -1 first) and returns it. */
  static Watermark lockWatermark(Connection c, String ledgerId) throws SQLException {
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO income_watermark (ledger_id, seq) VALUES (?, -1) ON CONFLICT DO NOTHING")) {
      ins.setString(1, ledgerId);
      ins.executeUpdate();
    }
    return watermark(c, ledgerId, " FOR UPDATE");
  }

  private static Watermark watermark(Connection c, String ledgerId, String lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT seq, hash FROM income_watermark WHERE ledger_id = ?" + lock)) {
      ps.setString(1, ledgerId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Watermark(rs.getLong(1), rs.getBytes(2)) : Watermark.NONE;
      }
    }
  }

  /**
   * What a failure at {@code seq} depends on: the watermark, the stored rows of entries seq − 1 and
   * seq (their hashes and a digest of their bytes) and, while the failure is at the ledger head,
   * the head. The same entries fail the same way (the feed is deterministic), so while this is
   * unchanged a retry would only replay the ledger to fail again; a stuck projector compares it
   * instead. Later appends do not change it: they cannot repair an earlier entry.
   */
  static String probe(Connection c, String ledgerId, long seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT concat((SELECT seq FROM income_watermark WHERE ledger_id = ?), '/',"
                + " (SELECT CASE WHEN head_seq <= ? THEN head_seq || ':' || encode(head_hash, 'hex')"
                + " END FROM ledger WHERE ledger_id = ?), '/', (SELECT string_agg(seq || ':'"
                + " || encode(hash, 'hex') || ':' || md5(canonical), ',' ORDER BY seq) FROM entry"
                + " WHERE ledger_id = ? AND seq BETWEEN ? AND ?))")) {
      ps.setString(1, ledgerId);
      ps.setLong(2, seq);
      ps.setString(3, ledgerId);
      ps.setString(4, ledgerId);
      ps.setLong(5, seq - 1);
      ps.setLong(6, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
