package net.suyuan.ledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.core.env.Environment;

/** Plain JDBC to the database a test context runs on (the same one Flyway migrated). */
public final class TestJdbc {

  private TestJdbc() {}

  public static Connection connect(Environment env) throws SQLException {
    return DriverManager.getConnection(
        env.getRequiredProperty("spring.flyway.url"),
        env.getRequiredProperty("spring.flyway.user"),
        env.getProperty("spring.flyway.password", ""));
  }
}
