package net.suyuan.ledger.core.verify;

import java.util.Optional;
import net.suyuan.ledger.core.chain.ChainHead;

/**
 * The outcome of verifying a chain: how many entries verified, the last good entry, and the first
 * failure if there was one. {@code ok} is true exactly when there was no failure.
 */
public record AuditReport(
    boolean ok, long verified, Optional<ChainHead> head, Optional<Failure> firstFailure) {
  public AuditReport {
    if (ok == firstFailure.isPresent()) {
      throw new IllegalArgumentException("ok must be true exactly when there is no failure");
    }
  }

  /** The report for a verifier's current state and the failure that stopped it, if any. */
  public static AuditReport of(ChainVerifier verifier, Failure failure) {
    Failure first = failure != null ? failure : verifier.failure().orElse(null);
    return new AuditReport(
        first == null, verifier.verified(), verifier.head(), Optional.ofNullable(first));
  }
}
