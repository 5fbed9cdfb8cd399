package net.suyuan.ledger.api.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before auto-configuration reads {@code spring.r2dbc.*} and {@code
 * spring.flyway.*}.
 *
 * <ol>
 *   <li>{@code spring.r2dbc.url} already set (e.g. by a test): left alone.
 *   <li>{@code LEDGER_DB_URL} (JDBC form) with {@code LEDGER_DB_USER} / {@code LEDGER_DB_PASSWORD}:
 *       used for Flyway, and its R2DBC twin for the application.
 *   <li>Otherwise, on a development run only ({@link EmbeddedDatabasePolicy}: no profile or {@code
 *       dev}), an embedded PostgreSQL whose data persists in {@code LEDGER_DATA_DIR} (default
 *       {@code ./data/pg}), announced by a WARN banner naming that directory. With any other
 *       profile the server refuses to start ({@link DatabaseNotConfiguredException}).
 * </ol>
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE_NAME = "ledgerDatabase";
  static final String DEFAULT_DATA_DIR = "./data/pg";

  private final Log log;

  public DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
    this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
  }

  @Override
  public int getOrder() {
    // After application.yaml and friends are loaded, so they may set spring.r2dbc.url too.
    return ConfigDataEnvironmentPostProcessor.ORDER + 10;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (env.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    if (env.containsProperty("spring.r2dbc.url")) {
      log.info(
          "Database: using explicitly configured spring.r2dbc.url "
              + env.getProperty("spring.r2dbc.url"));
      return;
    }
    DatabaseTarget target = select(env);
    env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties(target)));
  }

  private DatabaseTarget select(ConfigurableEnvironment env) {
    String url = env.getProperty("LEDGER_DB_URL");
    if (url != null && !url.isBlank()) {
      DatabaseTarget target =
          new DatabaseTarget(
              url.trim(),
              env.getProperty("LEDGER_DB_USER", "postgres"),
              env.getProperty("LEDGER_DB_PASSWORD", ""),
              "external PostgreSQL from LEDGER_DB_URL");
      log.info("Database: " + target.origin() + " " + target.jdbcUrl());
      return target;
    }
    EmbeddedDatabasePolicy.check(env);
    Path dataDir = Path.of(env.getProperty("LEDGER_DATA_DIR", DEFAULT_DATA_DIR));
    // Before starting it, so the path is on record even when the start fails.
    log.warn(EmbeddedDatabasePolicy.banner(dataDir));
    DatabaseTarget target = EmbeddedDatabase.start(dataDir);
    log.info("Database: " + target.origin() + " at " + target.jdbcUrl());
    return target;
  }

  /** The Spring properties that point R2DBC and Flyway at {@code target}. */
  public static Map<String, Object> properties(DatabaseTarget target) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.r2dbc.url", target.r2dbcUrl());
    props.put("spring.r2dbc.username", target.user());
    props.put("spring.r2dbc.password", target.password());
    props.put("spring.flyway.url", target.jdbcUrl());
    props.put("spring.flyway.user", target.user());
    props.put("spring.flyway.password", target.password());
    props.put("ledger.db.origin", target.origin());
    return props;
  }
}
