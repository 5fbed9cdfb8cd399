package net.suyuan.ledger.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * On start, if {@code LEDGER_ADMIN_KEY} is set and no active admin key exists, registers that
 * secret as the admin key of organization {@code admin} (role social_org). Logs the key id, never
 * the secret.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

  static final String ADMIN_ORG = "admin";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final OrganizationStore orgs;
  private final ApiKeyStore keys;
  private final Environment env;

  public AdminBootstrap(OrganizationStore orgs, ApiKeyStore keys, Environment env) {
    this.orgs = orgs;
    this.keys = keys;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    String secret = env.getProperty("LEDGER_ADMIN_KEY");
    if (secret == null || secret.isBlank()) {
      log.info("LEDGER_ADMIN_KEY not set: no admin key bootstrap");
      return;
    }
    keys.anyActiveAdmin()
        .flatMap(exists -> exists ? Mono.just("") : createAdmin(secret.trim()))
        .doOnNext(
            keyId -> {
              if (keyId.isEmpty()) {
                log.info("An admin key already exists: LEDGER_ADMIN_KEY left unused");
              } else {
                log.info("Bootstrapped admin key {} for organization '{}'", keyId, ADMIN_ORG);
              }
            })
        .block();
  }

  private Mono<String> createAdmin(String secret) {
    return orgs.insertIfAbsent(ADMIN_ORG, "Ledger administrator", Role.SOCIAL_ORG)
        .then(keys.register(ADMIN_ORG, secret, true));
  }
}
