package net.suyuan.ledger.api.income;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * JDBC connections for the projector and the replay, with the settings Flyway migrates with (as
 * {@code read/ChainScan}): both read the whole chain in bulk, where a server-prepared JDBC cursor
 * receives bytea in binary and is several times faster than row-by-row R2DBC (docs/storage.md), and
 * both run on their own threads, never on the event loop.
 */
@Component
class IncomeJdbc {
  private final String url;
  private final Properties properties = new Properties();

  IncomeJdbc(Environment env) {
    this.url = env.getRequiredProperty("spring.flyway.url");
    String user = env.getProperty("spring.flyway.user");
    if (user != null) {
      properties.setProperty("user", user);
    }
    properties.setProperty("password", env.getProperty("spring.flyway.password", ""));
    properties.setProperty("ApplicationName", "ledger-income");
  }

  /** A new connection with auto-commit off. */
  Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, properties);
    c.setAutoCommit(false);
    return c;
  }
}
