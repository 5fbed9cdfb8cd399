package net.suyuan.ledger.api.health;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code criticalWorkers}: DOWN, naming each dead worker and why, once a {@link CriticalWorkers}
 * thread died. Part of the liveness group (application.yaml), so {@code /actuator/health/liveness}
 * answers 503 and the orchestrator restarts the instance.
 */
@Component
class CriticalWorkersHealthIndicator implements HealthIndicator {
  private final CriticalWorkers workers;

  CriticalWorkersHealthIndicator(CriticalWorkers workers) {
    this.workers = workers;
  }

  @Override
  public Health health() {
    Map<String, String> deaths = workers.deaths();
    return deaths.isEmpty() ? Health.up().build() : Health.down().withDetails(deaths).build();
  }
}
