package net.suyuan.ledger.api.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code demo}, in the readiness group: with {@code LEDGER_DEMO=true} the instance
 * is OUT_OF_SERVICE from the start until the demo is in and the income projector has caught up with
 * it, so nobody is sent to a half-loaded demo or to income figures that do not count it yet.
 * Without the demo, or when the ledger already held events (nothing to load), it is UP; a load that
 * failed is DOWN, with the reason.
 */
@Component
class DemoHealthIndicator implements HealthIndicator {

  private volatile Health health;

  DemoHealthIndicator(DemoProperties properties) {
    boolean enabled = properties.demo();
    // OUT_OF_SERVICE from construction: no UP window before the loader thread starts.
    health =
        enabled
            ? Health.outOfService().withDetail("demo", "waiting for the server to start").build()
            : Health.up().withDetail("demo", "not requested").build();
  }

  @Override
  public Health health() {
    return health;
  }

  void loading() {
    health = Health.outOfService().withDetail("demo", "loading").build();
  }

  void catchingUp(long projected, long head) {
    health =
        Health.outOfService()
            .withDetail("demo", "loaded; income projector at seq " + projected + " of " + head)
            .build();
  }

  void loaded(long head) {
    health = Health.up().withDetail("demo", "loaded, projected up to seq " + head).build();
  }

  void notLoaded(String why) {
    health = Health.up().withDetail("demo", "not loaded: " + why).build();
  }

  void failed(String why) {
    health = Health.down().withDetail("demo", "failed: " + why).build();
  }
}
