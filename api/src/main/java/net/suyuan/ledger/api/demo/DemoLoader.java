package net.suyuan.ledger.api.demo;

import net.suyuan.ledger.api.auth.ApiKeyStore;
import net.suyuan.ledger.api.auth.OrganizationStore;
import net.suyuan.ledger.api.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code LEDGER_DEMO=true}: once the server is ready, loads the demo through its own HTTP append
 * API (the path every client takes) with a one-off admin key that is revoked afterwards. Runs in
 * the background and logs progress; a ledger that already holds events is left alone.
 */
@Component
class DemoLoader implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

  private final boolean enabled;
  private final OrganizationStore orgs;
  private final ApiKeyStore keys;

  DemoLoader(
      @Value("${ledger.demo:${LEDGER_DEMO:false}}") boolean enabled,
      OrganizationStore orgs,
      ApiKeyStore keys) {
    this.enabled = enabled;
    this.orgs = orgs;
    this.keys = keys;
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
    var key =
        orgs.insertIfAbsent("demo-admin", "Demo loader", Role.SOCIAL_ORG)
            .then(keys.issue("demo-admin", true))
            .block();
    try {
      new DemoClient("http://127.0.0.1:" + port, key.secret(), log::info).load(new DemoScenario());
    } catch (DemoClient.DemoException e) {
      log.info("LEDGER_DEMO: {}", e.getMessage());
    } catch (Exception e) {
      log.error("LEDGER_DEMO: loading the demo failed", e);
    } finally {
      keys.revoke(key.keyId()).block();
    }
  }
}
