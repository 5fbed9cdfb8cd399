package net.suyuan.ledger.api.income;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.postgresql.PGStatement;

/**
 * Reads committed entries in seq order for the income feed: seq, type, actor, and the stored bytes
 * only for the types income depends on ({@link IncomeFeed#TYPES}). Entries commit as a gap-free
 * prefix (seqs are assigned under the ledger row lock and a group commits as one transaction), so a
 * gap here means a broken chain and is an error, not something to skip.
 */
final class EntryScan {
  interface Visitor {
    void entry(long seq, String type, String actor, byte[] canonical) throws SQLException;
  }

  private static final String SQL =
      "SELECT seq, type, actor, CASE WHEN type = ANY(?) THEN canonical END FROM entry"
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
      Array types = c.createArrayOf("text", IncomeFeed.TYPES.toArray());
      ps.setArray(1, types);
      ps.setString(2, ledgerId);
      ps.setLong(3, after);
      ps.setLong(4, upTo);
      ps.setLong(5, limit);
      long last = after;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          if (seq != last + 1) {
            throw new IllegalStateException("entry " + (last + 1) + " is missing before " + seq);
          }
          v.entry(seq, rs.getString(2), rs.getString(3), rs.getBytes(4));
          last = seq;
        }
      }
      return last;
    }
  }
}
