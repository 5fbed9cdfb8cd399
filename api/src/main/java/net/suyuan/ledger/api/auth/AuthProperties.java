package net.suyuan.ledger.api.auth;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys ({@code ledger.auth.*}, docs/configuration.md).
 *
 * @param keyCacheTtl how long a valid key is remembered without asking the database; zero turns the
 *     cache off
 */
@ConfigurationProperties("ledger.auth")
public record AuthProperties(@DefaultValue("10s") Duration keyCacheTtl) {

  public AuthProperties {
    Objects.requireNonNull(keyCacheTtl, "ledger.auth.key-cache-ttl must be set");
    if (keyCacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "ledger.auth.key-cache-ttl must not be negative: " + keyCacheTtl);
    }
  }
}
