package net.suyuan.ledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static final List<String> CREATED = new CopyOnWriteArrayList<>();
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
    CREATED.add(name);
    String url = withDatabase(s.adminUrl(), name);
    announce("Test database " + name + " created on " + s.provider() + " (" + url + ")");
    return new TestDatabase(
        new DatabaseTarget(url, s.user(), s.password(), s.provider()), s.provider());
  }

  static synchronized TestServer server() {
    if (server == null) {
      server = TestServers.choose();
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreated, "drop-test-dbs"));
      announce("Test PostgreSQL provider: " + server.provider() + " at " + server.adminUrl());
    }
    return server;
  }

  /** Best effort at JVM exit, so a shared server does not collect ledger_test_* databases. */
  private static void dropCreated() {
    TestServer s = server;
    try (Connection c = DriverManager.getConnection(s.adminUrl(), s.user(), s.password());
        Statement st = c.createStatement()) {
      for (String name : CREATED) {
        st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("[ledger-test-db] could not drop test databases " + CREATED + ": " + e);
    }
  }

  /**
   * Logs and also prints to stderr: contexts are created while Spring Boot's logging system is
   * being (re)initialised and swallows log events, and which database the tests ran on must never
   * be a secret.
   */
  static void announce(String message) {
    log.info(message);
    System.err.println("[ledger-test-db] " + message);
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
