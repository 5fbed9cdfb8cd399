package net.suyuan.ledger.api.provenance;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A lot's provenance ({@code ledger.provenance.*}, docs/configuration.md).
 *
 * @param maxEntries the most entries one provenance holds
 */
@Validated
@ConfigurationProperties("ledger.provenance")
public record ProvenanceProperties(@DefaultValue("1000") @Min(1) int maxEntries) {}
