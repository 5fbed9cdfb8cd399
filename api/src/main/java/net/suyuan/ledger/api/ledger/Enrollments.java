package net.suyuan.ledger.api.ledger;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Which cooperative the ledger enrolled a household with: the cooperative its {@code
 * household.enrolled} entry names, as the validation state written with that entry holds it (table
 * {@code household}). Who may see a household's data, and who owns its profile, is decided on this,
 * never on a row outside the chain.
 */
@Repository
public class Enrollments {

  private final DatabaseClient db;
  private final String ledgerId;

  public Enrollments(DatabaseClient db, LedgerInfo ledger) {
    this.db = db;
    this.ledgerId = ledger.ledgerId();
  }

  /** The enrolling cooperative's organization id; empty when the household is not enrolled. */
  public Mono<String> cooperative(String householdId) {
    return db.sql(
            "SELECT cooperative FROM household WHERE ledger_id = :ledger AND household_id = :id")
        .bind("ledger", ledgerId)
        .bind("id", householdId)
        .map(row -> row.get("cooperative", String.class))
        .one();
  }
}
