package net.suyuan.ledger.api.read;

import net.suyuan.ledger.core.verify.AuditReport;

/**
 * The body of {@code GET /api/v1/audit}: {@code ok}, how many entries verified, the last verified
 * entry ({@code head}, null when none did) and the first failure (null when ok). A tampered chain
 * is a 200 with {@code ok: false}: the audit worked, the ledger did not.
 */
record AuditResponse(boolean ok, long verified, Head head, FirstFailure firstFailure) {

  record Head(long seq, String hash) {}

  /** {@code kind} is the lowercase failure kind, e.g. {@code hash_mismatch}. */
  record FirstFailure(long seq, String kind, String detail) {}

  static AuditResponse of(AuditReport report) {
    return new AuditResponse(
        report.ok(),
        report.verified(),
        report.head().map(h -> new Head(h.seq(), h.hash().hex())).orElse(null),
        report
            .firstFailure()
            .map(f -> new FirstFailure(f.seq(), f.kind().id(), f.detail()))
            .orElse(null));
  }
}
