package net.suyuan.ledger.api.append;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The group-commit appender's bounds ({@code ledger.append.*}, docs/configuration.md and
 * docs/storage.md).
 *
 * @param queueCapacity append requests waiting for the writer; beyond it appends answer 503
 * @param maxGroupEvents events per commit group (never below one request's maximum, {@link
 *     EventRequest#MAX_EVENTS})
 */
@Validated
@ConfigurationProperties("ledger.append")
public record AppendProperties(
    @DefaultValue("10000") @Min(1) int queueCapacity,
    @DefaultValue("2000") @Min(1) int maxGroupEvents) {}
