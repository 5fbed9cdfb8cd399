package net.suyuan.ledger.api.income.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this instance's income projector last knew: the verified head it applied (the watermark and
 * the hash of that entry), the ledger head it last read, and the failure that stops it, if any.
 * Immutable; the projector publishes a new one after every step, failure and retry.
 *
 * @param enabled false when {@code ledger.income.projector-enabled} is off on this instance
 * @param appliedSeq the watermark: entries up to it are in the income tables; -1 before any
 * @param appliedHash hex hash of entry appliedSeq as verified, null when none (or not known yet)
 * @param headSeq the ledger head when last read, -1 before the first read
 * @param failure why the projection does not follow the ledger, null when it does
 * @param failingSince when the current failure was first seen
 * @param attempts attempts that failed since then
 */
public record ProjectionStatus(
    boolean enabled,
    long appliedSeq,
    String appliedHash,
    long headSeq,
    ProjectionFailure failure,
    Instant failingSince,
    long attempts) {

  static final ProjectionStatus STARTING = new ProjectionStatus(true, -1, null, -1, null, null, 0);
  static final ProjectionStatus DISABLED = new ProjectionStatus(false, -1, null, -1, null, null, 0);

  /** Entries committed to the ledger and not yet in the income tables. */
  public long behind() {
    return Math.max(0, headSeq - appliedSeq);
  }

  public boolean failed() {
    return failure != null;
  }

  ProjectionStatus applied(long seq, String hash, long head) {
    return new ProjectionStatus(enabled, seq, hash, Math.max(head, seq), null, null, 0);
  }

  ProjectionStatus failing(ProjectionFailure f, long head, Instant now) {
    boolean same = failure != null && failure.equals(f);
    return new ProjectionStatus(
        enabled,
        appliedSeq,
        appliedHash,
        Math.max(head, headSeq),
        f,
        same ? failingSince : now,
        same ? attempts + 1 : 1);
  }

  /** The {@code failure} member of income responses and health details. */
  public static Map<String, Object> failureJson(ProjectionFailure f) {
    if (f == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seq", f.seq());
    out.put("kind", f.kind());
    out.put("reason", f.detail());
    return out;
  }
}
