package net.suyuan.ledger.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The entry table is append-only in the database itself, not just in the application. */
@LedgerApiTest
class EntryAppendOnlyTest {

  @Autowired Environment env;

  String ledgerId;

  private Connection connect() throws SQLException {
    return TestJdbc.connect(env);
  }

  @BeforeEach
  void ledgerWithOneEntry() throws SQLException {
    ledgerId = "l-" + UUID.randomUUID();
    try (Connection c = connect()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash) VALUES (?, 'sha-256', 0, ?)")) {
        ps.setString(1, ledgerId);
        ps.setBytes(2, new byte[32]);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev)"
                  + " VALUES (?, 0, now(), 'coop1', 'harvest', ?, ?, ?)")) {
        ps.setString(1, ledgerId);
        ps.setBytes(2, "{}".getBytes());
        ps.setBytes(3, new byte[32]);
        ps.setBytes(4, new byte[32]);
        ps.executeUpdate();
      }
    }
  }

  @Test
  void update_isRejectedByTrigger() throws SQLException {
    try (Connection c = connect()) {
      assertThatThrownBy(
              () ->
                  exec(
                      c, "UPDATE entry SET actor = 'mallory' WHERE ledger_id = '" + ledgerId + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only")
          .hasMessageContaining("UPDATE");
    }
  }

  @Test
  void delete_isRejectedByTrigger() throws SQLException {
    try (Connection c = connect()) {
      assertThatThrownBy(() -> exec(c, "DELETE FROM entry WHERE ledger_id = '" + ledgerId + "'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only")
          .hasMessageContaining("DELETE");
    }
  }

  @Test
  void truncate_isRejectedByTrigger() throws SQLException {
    try (Connection c = connect()) {
      assertThatThrownBy(() -> exec(c, "TRUNCATE entry CASCADE"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void insert_withShortHash_isRejectedByCheck() throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev)"
                    + " VALUES (?, 1, now(), 'a', 't', ?, ?, ?)")) {
      ps.setString(1, ledgerId);
      ps.setBytes(2, new byte[1]);
      ps.setBytes(3, new byte[31]);
      ps.setBytes(4, new byte[32]);
      assertThatThrownBy(ps::executeUpdate).hasMessageContaining("entry_hash_check");
    }
  }

  @Test
  void superuser_canDisableTrigger_toSimulateTampering() throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      exec(c, "ALTER TABLE entry DISABLE TRIGGER entry_no_update_delete");
      int updated;
      try (Statement st = c.createStatement()) {
        updated =
            st.executeUpdate(
                "UPDATE entry SET actor = 'mallory' WHERE ledger_id = '" + ledgerId + "'");
      }
      exec(c, "ALTER TABLE entry ENABLE TRIGGER entry_no_update_delete");
      c.commit();
      assertThat(updated).isEqualTo(1);
      try (ResultSet rs =
          c.createStatement()
              .executeQuery("SELECT actor FROM entry WHERE ledger_id = '" + ledgerId + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("mallory");
      }
      c.commit();
      // And the trigger is armed again afterwards.
      assertThatThrownBy(() -> exec(c, "DELETE FROM entry WHERE ledger_id = '" + ledgerId + "'"))
          .hasMessageContaining("append-only");
      c.rollback();
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
