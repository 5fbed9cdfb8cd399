package net.suyuan.ledger.api.read;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit's scan ({@code ledger.audit.*}, docs/configuration.md).
 *
 * @param pageSize rows per round trip of the audit's cursor ({@link ChainScan})
 */
@Validated
@ConfigurationProperties("ledger.audit")
public record AuditProperties(@DefaultValue("5000") @Min(1) int pageSize) {}
