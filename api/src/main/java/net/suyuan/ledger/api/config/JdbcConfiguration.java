package net.suyuan.ledger.api.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one JDBC {@code DataSource} beside R2DBC: a bounded HikariCP pool ({@link JdbcProperties})
 * for the bulk reads that need a server-prepared JDBC cursor (bytea in binary, several times faster
 * than row-by-row R2DBC, docs/storage.md): the audit's scan and the income projector and replay.
 * They run on their own threads, never on the event loop.
 *
 * <p>It connects where Flyway migrates ({@code spring.flyway.*}, which {@link
 * DatabaseEnvironmentPostProcessor} sets for every database choice, the embedded development
 * database included), so it and R2DBC can never point at different databases. A connection broken
 * by the server (SQLSTATE 08..., 57P01 {@code pg_terminate_backend}) is evicted by the pool, and a
 * caller waiting longer than {@code ledger.jdbc.connection-timeout} gets {@code
 * SQLTransientConnectionException}, which {@code http.DatabaseUnavailable} answers with 503.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcConfiguration {

  /** Idle connections are closed after this: the pool keeps none it does not use. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  @Bean(destroyMethod = "close")
  HikariDataSource ledgerJdbc(Environment env, JdbcProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("ledger-jdbc");
    config.setJdbcUrl(env.getRequiredProperty("spring.flyway.url"));
    config.setUsername(env.getProperty("spring.flyway.user"));
    config.setPassword(env.getProperty("spring.flyway.password", ""));
    config.setMaximumPoolSize(properties.poolSize());
    config.setMinimumIdle(0);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    config.setConnectionTimeout(properties.connectionTimeout().toMillis());
    config.addDataSourceProperty("ApplicationName", "ledger-jdbc");
    return new HikariDataSource(config);
  }
}
