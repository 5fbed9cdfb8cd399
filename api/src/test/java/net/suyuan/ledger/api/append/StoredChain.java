package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.verify.ChainVerificationException;
import net.suyuan.ledger.core.verify.ChainVerifier;

/** Reads a ledger's stored entries over JDBC and verifies them as one chain with the core. */
final class StoredChain {
  private StoredChain() {}

  /** Verifies every stored entry from genesis and the ledger head; returns the head. */
  static ChainHead verify(Connection c, String ledgerId)
      throws SQLException, ChainVerificationException {
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT seq, canonical, hash FROM entry WHERE ledger_id = ? ORDER BY seq")) {
      st.setFetchSize(2000);
      st.setString(1, ledgerId);
      c.setAutoCommit(false);
      try (ResultSet rs = st.executeQuery()) {
        long expected = 0;
        while (rs.next()) {
          assertThat(rs.getLong(1)).as("seq contiguous").isEqualTo(expected++);
          byte[] canonical = rs.getBytes(2);
          verifier.verify(canonical, 0, canonical.length, new EntryHash(rs.getBytes(3)));
        }
      } finally {
        c.setAutoCommit(true);
      }
    }
    ChainHead stored = head(c, ledgerId);
    verifier.verifyHead(stored);
    return stored;
  }

  static ChainHead head(Connection c, String ledgerId) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement("SELECT head_seq, head_hash FROM ledger WHERE ledger_id = ?")) {
      st.setString(1, ledgerId);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new ChainHead(rs.getLong(1), new EntryHash(rs.getBytes(2)));
      }
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql);
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
