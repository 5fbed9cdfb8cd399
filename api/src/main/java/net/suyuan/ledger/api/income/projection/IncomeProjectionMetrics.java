package net.suyuan.ledger.api.income.projection;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The projection's state as gauges (Prometheus names in docs/income.md): {@code
 * ledger_income_projection_applied_seq}, {@code ledger_income_projection_head_seq}, {@code
 * ledger_income_projection_lag_entries} (ledger head − watermark) and {@code
 * ledger_income_projection_failed} (1 while a failure stops it, else 0), and {@code
 * ledger_income_projection_failed_attempts} (attempts that failed since the failure was first
 * seen), and {@code ledger_income_projection_rebuilds_total} (replays from seq 0: a stuck
 * projection must not add any). Alert on failed = 1, or on a lag that keeps growing.
 */
@Component
class IncomeProjectionMetrics implements MeterBinder {
  private final IncomeProjector projector;

  IncomeProjectionMetrics(IncomeProjector projector) {
    this.projector = projector;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("ledger.income.projection.applied.seq", projector, p -> p.status().appliedSeq())
        .description("Last entry seq in the income tables (the watermark), -1 before any")
        .register(registry);
    Gauge.builder("ledger.income.projection.head.seq", projector, p -> p.status().headSeq())
        .description("Ledger head seq when the projector last read it")
        .register(registry);
    Gauge.builder("ledger.income.projection.lag", projector, p -> p.status().behind())
        .baseUnit("entries")
        .description("Committed entries not yet in the income tables")
        .register(registry);
    Gauge.builder("ledger.income.projection.failed", projector, p -> p.status().failed() ? 1 : 0)
        .description("1 while a failure stops the income projection (see /actuator/health)")
        .register(registry);
    Gauge.builder("ledger.income.projection.failed.attempts", projector, p -> p.status().attempts())
        .description("Attempts that failed since the current failure was first seen")
        .register(registry);
    FunctionCounter.builder(
            "ledger.income.projection.rebuilds", projector, IncomeProjector::rebuilds)
        .description("Replays of the ledger from seq 0 (start-up, recovery, reset)")
        .register(registry);
  }
}
