package net.suyuan.ledger.api.income;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The income projection and its read bounds ({@code ledger.income.*}, docs/configuration.md and
 * docs/income.md).
 *
 * @param pollInterval how often the projector looks for new entries besides local commits; the
 *     first retry's delay
 * @param maxBackoff the longest delay between retries after a failure
 * @param batchEntries entries projected per transaction
 * @param projectorEnabled false: this instance projects nothing (another one does)
 * @param maxDetailEntries the most income lines {@code detail=entries} lists
 * @param csvPageHouseholds the most households per page of households.csv
 * @param channelPriceProducts the most products whose unit prices the channel comparison lists per
 *     channel (GTIN order; the rest are counted)
 */
@Validated
@ConfigurationProperties("ledger.income")
public record IncomeProperties(
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("30s") Duration maxBackoff,
    @DefaultValue("5000") @Min(1) int batchEntries,
    @DefaultValue("true") boolean projectorEnabled,
    @DefaultValue("10000") @Min(0) long maxDetailEntries,
    @DefaultValue("10000") @Min(1) int csvPageHouseholds,
    @DefaultValue("100") @Min(1) int channelPriceProducts) {

  public IncomeProperties {
    Objects.requireNonNull(pollInterval, "ledger.income.poll-interval must be set");
    Objects.requireNonNull(maxBackoff, "ledger.income.max-backoff must be set");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "ledger.income.poll-interval must be positive: " + pollInterval);
    }
    if (maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException(
          "ledger.income.max-backoff ("
              + maxBackoff
              + ") must be >= ledger.income.poll-interval ("
              + pollInterval
              + ")");
    }
  }
}
