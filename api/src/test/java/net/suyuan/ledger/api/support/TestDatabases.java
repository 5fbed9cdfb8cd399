package net.suyuan.ledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import net.suyuan.ledger.api.config.DatabaseTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out fresh, empty PostgreSQL databases ({@code CREATE DATABASE ledger_test_<random>}) on one
 * server chosen once per JVM, in this order:
 *
 * <ol>
 *   <li>Testcontainers with a pinned image, when a Docker engine answers;
 *   <li>the server of {@code LEDGER_TEST_DB_URL} (user {@code LEDGER_TEST_DB_USER}, default
 *       postgres; password {@code LEDGER_TEST_DB_PASSWORD});
 *   <li>an embedded PostgreSQL (zonky).
 * </ol>
 *
 * It logs which one it used and never skips: if none works, the tests fail.
 */
public final class TestDatabases {

  private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);
  private static volatile TestServer server;

  private TestDatabases() {}

  /** A new empty database on the JVM's test server. */
  public static TestDatabase fresh() {
    TestServer s = server();
    String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database on " + s.adminUrl(), e);
    }
    String url = withDatabase(s.adminUrl(), name);
    log.info("Test database {} created on {} ({})", name, s.provider(), url);
    return new TestDatabase(
        new DatabaseTarget(url, s.user(), s.password(), s.provider()), s.provider());
  }

  static synchronized TestServer server() {
    if (server == null) {
      server = TestServers.choose();
      log.info("Test PostgreSQL provider: {} at {}", server.provider(), server.adminUrl());
    }
    return server;
  }

  /** Replaces the database path segment of a {@code jdbc:postgresql://host:port/db?..} URL. */
  static String withDatabase(String jdbcUrl, String database) {
    int hostStart = "jdbc:postgresql://".length();
    int slash = jdbcUrl.indexOf('/', hostStart);
    int query = jdbcUrl.indexOf('?', hostStart);
    String hostPart =
        jdbcUrl.substring(0, slash >= 0 ? slash : query >= 0 ? query : jdbcUrl.length());
    String params = query >= 0 ? jdbcUrl.substring(query) : "";
    return hostPart + "/" + database + params;
  }

  /** A server on which test databases can be created. */
  record TestServer(String provider, String adminUrl, String user, String password) {}
}
