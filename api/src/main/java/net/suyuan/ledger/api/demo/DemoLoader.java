package net.suyuan.ledger.api.demo;

import java.time.Duration;
import net.suyuan.ledger.api.auth.ApiKeyStore;
import net.suyuan.ledger.api.auth.OrganizationStore;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.api.income.IncomeProperties;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code LEDGER_DEMO=true}: once the server is ready, loads the demo through its own HTTP append
 * API (the path every client takes) with a one-off admin key that is revoked afterwards. Runs in
 * the background and logs progress; a ledger that already holds events is left alone. Readiness
 * ({@link DemoHealthIndicator}) says OUT_OF_SERVICE until the demo is in and projected.
 */
@Component
class DemoLoader implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  /** Bounds the wait for the projector; at 2-core speed it needs seconds for the demo. */
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(10);

  private final boolean enabled;
  private final OrganizationStore orgs;
  private final ApiKeyStore keys;
  private final DemoHealthIndicator health;
  private final IncomeProjector projector;
  private final boolean projectorEnabled;

  DemoLoader(
      DemoProperties properties,
      OrganizationStore orgs,
      ApiKeyStore keys,
      DemoHealthIndicator health,
      IncomeProjector projector,
      IncomeProperties income) {
    this.enabled = properties.demo();
    this.orgs = orgs;
    this.keys = keys;
    this.health = health;
    this.projector = projector;
    this.projectorEnabled = income.projectorEnabled();
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    // Ready: after the web server listens and after the runners (AdminBootstrap must register
    // LEDGER_ADMIN_KEY before the loader's own admin key exists, or it would leave it unused).
    if (!enabled
        || !(event.getApplicationContext() instanceof WebServerApplicationContext context)) {
      return;
    }
    int port = context.getWebServer().getPort();
    Thread loader = new Thread(() -> load(port), "ledger-demo-loader");
    loader.setDaemon(true);
    loader.start();
  }

  private void load(int port) {
    health.loading();
    int head;
    try {
      head = loadWithOneOffKey(port);
    } catch (DemoClient.DemoException e) {
      log.info("LEDGER_DEMO: {}", e.getMessage());
      if (e.refused()) {
        health.notLoaded(e.getMessage());
      } else {
        health.failed(e.getMessage());
      }
      return;
    } catch (Exception e) {
      log.error("LEDGER_DEMO: loading the demo failed", e);
      health.failed(String.valueOf(e));
      return;
    }
    awaitProjection(head);
  }

  /** Loads the demo; the seq of its last event (genesis is seq 0, so the event count). */
  private int loadWithOneOffKey(int port) throws Exception {
    var key =
        orgs.insertIfAbsent("demo-admin", "Demo loader", Role.SOCIAL_ORG)
            .then(keys.issue("demo-admin", true))
            .block();
    try {
      return new DemoClient("http://127.0.0.1:" + port, key.secret(), log::info)
          .load(new DemoScenario());
    } finally {
      keys.revoke(key.keyId()).block();
    }
  }

  /** Ready only once income figures count the whole demo (the projector follows the commits). */
  private void awaitProjection(long head) {
    if (!projectorEnabled) {
      health.loaded(head);
      return;
    }
    long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
    try {
      while (!projector.awaitWatermark(head, Duration.ofSeconds(1))) {
        health.catchingUp(projector.watermark(), head);
        if (System.nanoTime() > deadline) {
          health.failed("the income projector did not reach seq " + head + " in " + CATCH_UP_LIMIT);
          return;
        }
      }
      health.loaded(head);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
