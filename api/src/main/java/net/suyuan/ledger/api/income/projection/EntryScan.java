package net.suyuan.ledger.api.income.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/**
 * Reads stored entries in seq order for the income feed: seq, type, actor, the canonical bytes and
 * the stored hash of every entry (the feed verifies the chain as it reads it, {@link ParsedScan}).
 * Rows come as stored: a missing or moved entry is for the verifier to report, not for the scan.
 */
final class EntryScan {
  interface Visitor {
    void entry(long seq, String type, String actor, byte[] canonical, byte[] hash)
        throws SQLException;
  }

  private static final String SQL =
      "SELECT seq, type, actor, canonical, hash FROM entry"
          + " WHERE ledger_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?";

  private EntryScan() {}

  /**
   * Visits the entries with {@code after < seq <= upTo}, at most {@code limit}, through a cursor of
   * {@code fetchSize} rows (the connection must not be in auto-commit). Returns the last seq
   * visited, {@code after} if none.
   */
  static long scan(
      Connection c, String ledgerId, long after, long upTo, long limit, int fetchSize, Visitor v)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.unwrap(PGStatement.class).setPrepareThreshold(-1); // server-prepared: binary bytea
      ps.setFetchSize(fetchSize);
      ps.setString(1, ledgerId);
      ps.setLong(2, after);
      ps.setLong(3, upTo);
      ps.setLong(4, limit);
      long last = after;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          last = rs.getLong(1);
          v.entry(last, rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5));
        }
      }
      return last;
    }
  }
}
