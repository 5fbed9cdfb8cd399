package net.suyuan.ledger.api.income.projection;

import java.util.Objects;
import net.suyuan.ledger.core.verify.Failure;

/**
 * Why the income projection (or a replay) stopped: at which entry, what kind, and the evidence.
 *
 * <p>Kinds: the chain failures of {@code GET /api/v1/audit} ({@code unparseable}, {@code
 * not_canonical}, {@code invalid_entry}, {@code seq_gap}, {@code broken_link}, {@code
 * hash_mismatch}); {@code event_rejected}: a verified entry income cannot apply (its body is not a
 * valid event, or names state that does not exist, or a total overflows); {@code store_refused}:
 * PostgreSQL refused the entry's lines (a timestamp or sum out of its range); {@code database}: no
 * entry at fault, the database failed (seq is null then).
 *
 * @param seq the entry at which the projection stops, null when no entry is at fault
 */
public record ProjectionFailure(Long seq, String kind, String detail) {
  static final String EVENT_REJECTED = "event_rejected";
  static final String STORE_REFUSED = "store_refused";
  static final String DATABASE = "database";

  public ProjectionFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  static ProjectionFailure of(Failure chain) {
    return new ProjectionFailure(chain.seq(), chain.kind().id(), chain.detail());
  }

  @Override
  public String toString() {
    return kind + (seq == null ? "" : " at seq " + seq) + ": " + detail;
  }
}
