package net.suyuan.ledger.api.config;

import java.util.List;

/** No {@code LEDGER_DB_URL} in a run that must not fall back to the embedded PostgreSQL. */
public final class DatabaseNotConfiguredException extends IllegalStateException {
  private final List<String> profiles;

  DatabaseNotConfiguredException(List<String> profiles) {
    super(
        "LEDGER_DB_URL is not set and the active profile(s) "
            + profiles
            + " are not for development, so the embedded PostgreSQL is refused: its data would"
            + " live inside this process's file system. Set LEDGER_DB_URL"
            + " (jdbc:postgresql://host:5432/database) with LEDGER_DB_USER and LEDGER_DB_PASSWORD.");
    this.profiles = List.copyOf(profiles);
  }

  public List<String> profiles() {
    return profiles;
  }
}
