package net.suyuan.ledger.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Chooses the PostgreSQL server for the test JVM (see {@link TestDatabases}). */
final class TestServers {

  /** Pinned, as CI and production pin theirs (docker-compose.yml uses the same major). */
  static final String POSTGRES_IMAGE = "postgres:15.13-alpine";

  private TestServers() {}

  static TestDatabases.TestServer choose() {
    if (dockerAvailable()) {
      PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
      container.start();
      return new TestDatabases.TestServer(
          "testcontainers " + POSTGRES_IMAGE,
          container.getJdbcUrl(),
          container.getUsername(),
          container.getPassword());
    }
    String url = System.getenv("LEDGER_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      String user = envOr("LEDGER_TEST_DB_USER", "postgres");
      return new TestDatabases.TestServer(
          "LEDGER_TEST_DB_URL", url.trim(), user, envOr("LEDGER_TEST_DB_PASSWORD", ""));
    }
    TestDatabases.announce(
        "No Docker and no LEDGER_TEST_DB_URL: starting an embedded PostgreSQL for the tests");
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      String jdbc = pg.getJdbcUrl("postgres", "postgres");
      return new TestDatabases.TestServer(
          "embedded PostgreSQL (zonky)", jdbc.substring(0, jdbc.indexOf('?')), "postgres", "");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL for tests", e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      boolean available = DockerClientFactory.instance().isDockerAvailable();
      if (!available) {
        TestDatabases.announce("Testcontainers: no Docker engine available, falling back");
      }
      return available;
    } catch (RuntimeException | LinkageError e) {
      TestDatabases.announce("Testcontainers: Docker check failed (" + e + "), falling back");
      return false;
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
