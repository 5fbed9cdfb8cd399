package net.suyuan.ledger.api.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused embedded database into Boot's short "APPLICATION FAILED TO START" report. */
class DatabaseNotConfiguredFailureAnalyzer
    extends AbstractFailureAnalyzer<DatabaseNotConfiguredException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, DatabaseNotConfiguredException cause) {
    return new FailureAnalysis(
        "No database configured: LEDGER_DB_URL is not set, and with the profile(s) "
            + cause.profiles()
            + " the server does not start the embedded development PostgreSQL.",
        "Set LEDGER_DB_URL=jdbc:postgresql://HOST:5432/DATABASE with LEDGER_DB_USER and"
            + " LEDGER_DB_PASSWORD (docker-compose.yml shows one). For a local development run,"
            + " start without a profile or with '"
            + EmbeddedDatabasePolicy.DEV_PROFILE
            + "'.",
        cause);
  }
}
