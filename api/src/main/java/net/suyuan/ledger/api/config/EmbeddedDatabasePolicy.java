package net.suyuan.ledger.api.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * When the embedded PostgreSQL may stand in for a missing {@code LEDGER_DB_URL}: only on a
 * developer's run, that is with no Spring profile active or only {@value #DEV_PROFILE}. Any other
 * profile is a deployment (the container image sets {@code SPRING_PROFILES_ACTIVE=prod}), where a
 * database inside the process's own file system would be lost with the container, so the server
 * refuses to start instead of choosing it silently.
 */
final class EmbeddedDatabasePolicy {
  static final String DEV_PROFILE = "dev";
  private static final Set<String> DEVELOPMENT = Set.of(DEV_PROFILE);

  private EmbeddedDatabasePolicy() {}

  /** Throws unless {@code env} is a development run. */
  static void check(Environment env) {
    List<String> deployment =
        Arrays.stream(env.getActiveProfiles()).filter(p -> !DEVELOPMENT.contains(p)).toList();
    if (!deployment.isEmpty()) {
      throw new DatabaseNotConfiguredException(deployment);
    }
  }

  /** The multi-line warning that says where the embedded database keeps the ledger. */
  static String banner(Path dataDir) {
    String line = "*".repeat(78);
    return String.join(
        System.lineSeparator(),
        "",
        line,
        "* EMBEDDED PostgreSQL: LEDGER_DB_URL is not set, so this development run keeps",
        "* the whole ledger in a PostgreSQL started by the server itself, with its data in",
        "*   " + dataDir.toAbsolutePath().normalize(),
        "* Back that directory up or delete it yourself; nothing else knows it exists.",
        "* For a deployment set LEDGER_DB_URL (with LEDGER_DB_USER, LEDGER_DB_PASSWORD):",
        "* any Spring profile but '" + DEV_PROFILE + "' refuses to start without it.",
        line);
  }
}
