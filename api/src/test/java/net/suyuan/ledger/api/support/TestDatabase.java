package net.suyuan.ledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import net.suyuan.ledger.api.config.DatabaseEnvironmentPostProcessor;
import net.suyuan.ledger.api.config.DatabaseTarget;

/**
 * One fresh, empty PostgreSQL database created for a test application context.
 *
 * @param target where it is (JDBC URL, user, password)
 * @param provider which server provided it: testcontainers, LEDGER_TEST_DB_URL or embedded
 */
public record TestDatabase(DatabaseTarget target, String provider) {

  public String jdbcUrl() {
    return target.jdbcUrl();
  }

  /** A plain JDBC connection (the tests' own SQL, e.g. tampering with triggers disabled). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password());
  }

  /** Spring properties pointing R2DBC and Flyway at this database. */
  public Map<String, Object> springProperties() {
    return DatabaseEnvironmentPostProcessor.properties(target);
  }
}
