package net.suyuan.ledger.api.config;

import java.util.Objects;

/**
 * Where the API's PostgreSQL lives: one JDBC URL (Flyway migrates over JDBC) from which the R2DBC
 * URL the application uses is derived, so the two can never point at different databases.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database[?params]}
 * @param user database user
 * @param password database password, may be empty (trust auth)
 * @param origin human-readable description of where this target came from, for the startup log
 */
public record DatabaseTarget(String jdbcUrl, String user, String password, String origin) {

  static final String JDBC_PREFIX = "jdbc:postgresql://";
  static final String R2DBC_PREFIX = "r2dbc:postgresql://";

  public DatabaseTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(origin, "origin");
    password = password == null ? "" : password;
    if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
      throw new IllegalArgumentException(
          "database URL must start with " + JDBC_PREFIX + " but was: " + jdbcUrl);
    }
    if (user.isBlank()) {
      throw new IllegalArgumentException("database user must not be blank");
    }
  }

  /** The same host, port, database and query parameters, in r2dbc-postgresql's URL form. */
  public String r2dbcUrl() {
    return R2DBC_PREFIX + jdbcUrl.substring(JDBC_PREFIX.length());
  }
}
