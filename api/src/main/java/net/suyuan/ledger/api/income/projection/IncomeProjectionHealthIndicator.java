package net.suyuan.ledger.api.income.projection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code incomeProjection}: DOWN while the projection is stopped by a failure (an
 * entry it cannot verify, apply or store, or the database), UP while it follows the ledger (details
 * say how far behind), UNKNOWN where the projector is disabled.
 *
 * <p>It is part of {@code /actuator/health} only, deliberately not of the liveness or readiness
 * groups: a restart cannot repair a stored entry, and appends, reads and the audit still work while
 * income is stopped; taking the instance out of service would turn one bad entry into an outage of
 * everything. Income responses carry the same failure (docs/income.md).
 */
@Component
public class IncomeProjectionHealthIndicator implements HealthIndicator {
  private final IncomeProjector projector;

  IncomeProjectionHealthIndicator(IncomeProjector projector) {
    this.projector = projector;
  }

  @Override
  public Health health() {
    ProjectionStatus s = projector.status();
    if (!s.enabled()) {
      return Health.unknown().withDetail("projector", "disabled on this instance").build();
    }
    Health.Builder b = s.failed() ? Health.down() : Health.up();
    b.withDetail("appliedSeq", s.appliedSeq())
        .withDetail("headSeq", s.headSeq())
        .withDetail("behind", s.behind());
    if (s.failed()) {
      b.withDetail("failure", ProjectionStatus.failureJson(s.failure()))
          .withDetail("failingSince", String.valueOf(s.failingSince()))
          .withDetail("attempts", s.attempts());
    }
    return b.build();
  }
}
