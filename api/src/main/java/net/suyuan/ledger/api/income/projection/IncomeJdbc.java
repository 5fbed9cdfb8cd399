package net.suyuan.ledger.api.income.projection;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * JDBC connections for the projector and the replay, from the pooled JDBC {@code DataSource}
 * ({@code config.JdbcConfiguration}, shared with {@code read/ChainScan}): both read the whole chain
 * in bulk, where a server-prepared JDBC cursor receives bytea in binary and is several times faster
 * than row-by-row R2DBC (docs/storage.md), and both run on their own threads, never on the event
 * loop. Closing a connection returns it to the pool.
 */
@Component
public class IncomeJdbc {
  private final DataSource jdbc;

  IncomeJdbc(DataSource jdbc) {
    this.jdbc = jdbc;
  }

  /** A connection with auto-commit off; the caller closes it. */
  public Connection connect() throws SQLException {
    Connection c = jdbc.getConnection();
    try {
      c.setAutoCommit(false);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }
}
