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
 * @param poolSize the most connections open at once; at least 4: the income projector keeps one, a
 *     replay check reads on two ({@link #RESERVED_FOR_INCOME}), and audits run on the rest, at
 *     least one
 * @param connectionTimeout how long a caller waits for a connection before its request fails (503
 *     when the database is unavailable); at least 250ms (HikariCP's minimum)
 */
@Validated
@ConfigurationProperties("ledger.jdbc")
public record JdbcProperties(
    @DefaultValue("10") @Min(4) int poolSize, @DefaultValue("5s") Duration connectionTimeout) {

  static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

  /** The connections the income work may hold at once: the projector's one, a replay's two. */
  public static final int RESERVED_FOR_INCOME = 3;

  /**
   * How many audits may run at once: half the cores, at least one, and never more than the pool has
   * beside the income work, so an audit never waits for a connection the income work holds.
   */
  public int maxAudits(int cores) {
    return Math.max(1, Math.min(cores / 2, poolSize - RESERVED_FOR_INCOME));
  }

  public JdbcProperties {
    Objects.requireNonNull(connectionTimeout, "ledger.jdbc.connection-timeout must be set");
    if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
      throw new IllegalArgumentException(
          "ledger.jdbc.connection-timeout must be at least 250ms: " + connectionTimeout);
    }
  }
}
