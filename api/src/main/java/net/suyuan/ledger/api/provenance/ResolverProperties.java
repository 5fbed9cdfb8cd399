package net.suyuan.ledger.api.provenance;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The resolver ({@code ledger.resolver.*}, docs/configuration.md and docs/provenance.md).
 *
 * @param base the public base URL of label URIs (env {@code LEDGER_RESOLVER_BASE})
 * @param cacheTtl how long a rendered provenance is reused; zero turns the cache off
 * @param cacheSize the most lots cached
 */
@Validated
@ConfigurationProperties("ledger.resolver")
public record ResolverProperties(
    @DefaultValue("http://localhost:8080") @NotBlank String base,
    @DefaultValue("5s") Duration cacheTtl,
    @DefaultValue("10000") @Min(0) int cacheSize) {

  public ResolverProperties {
    Objects.requireNonNull(cacheTtl, "ledger.resolver.cache-ttl must be set");
    if (cacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "ledger.resolver.cache-ttl must not be negative: " + cacheTtl);
    }
  }
}
