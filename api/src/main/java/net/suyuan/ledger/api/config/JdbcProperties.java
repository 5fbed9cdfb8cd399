package net.suyuan.ledger.api.config;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The pooled JDBC {@code DataSource} of the bulk reads ({@code ledger.jdbc.*},
 * docs/configuration.md): the audit's scan and the income projector and replay ({@link
 * JdbcConfiguration}).
 *
 * @param poolSize the most connections open at once; at least 3, since the income projector keeps
 *     one and a replay check reads on two
 * @param connectionTimeout how long a caller waits for a connection before its request fails (503
 *     when the database is unavailable); at least 250ms (HikariCP's minimum)
 */
@Validated
@ConfigurationProperties("ledger.jdbc")
public record JdbcProperties(
    @DefaultValue("10") @Min(3) int poolSize, @DefaultValue("5s") Duration connectionTimeout) {

  static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

  public JdbcProperties {
    Objects.requireNonNull(connectionTimeout, "ledger.jdbc.connection-timeout must be set");
    if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "ledger.jdbc.connection-timeout must be at least 250ms: " + connectionTimeout);
    }
  }
}
