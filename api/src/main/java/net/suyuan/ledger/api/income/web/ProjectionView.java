package net.suyuan.ledger.api.income.web;

import java.util.LinkedHashMap;
import java.util.Map;
import net.suyuan.ledger.api.income.projection.IncomeStore.AsOf;
import net.suyuan.ledger.api.income.projection.ProjectionFailure;
import net.suyuan.ledger.api.income.projection.ProjectionStatus;

/**
 * The {@code projection} member of every income response: the verified head the figures were
 * computed from ({@code appliedSeq}, {@code appliedHash}: the last entry applied, its hash as
 * verified then), the ledger head ({@code headSeq}) and how far behind the figures are, all read in
 * the figures' own statement; and {@code failure}, why this instance's projector is stopped (null
 * while it follows the ledger).
 */
final class ProjectionView {
  private ProjectionView() {}

  static Map<String, Object> of(AsOf asOf, ProjectionStatus status) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("appliedSeq", asOf.seq());
    out.put("appliedHash", asOf.hash());
    out.put("headSeq", asOf.headSeq());
    out.put("behind", Math.max(0, asOf.headSeq() - asOf.seq()));
    out.put("failure", ProjectionStatus.failureJson(status.failure()));
    return out;
  }

  /** The same as response headers, for the CSV. */
  static Map<String, String> headers(AsOf asOf, ProjectionStatus status) {
    Map<String, String> out = new LinkedHashMap<>();
    if (asOf.hash() != null) {
      out.put("Ledger-As-Of-Hash", asOf.hash());
    }
    out.put("Ledger-Head-Seq", Long.toString(asOf.headSeq()));
    ProjectionFailure f = status.failure();
    if (f != null) {
      out.put(
          "Ledger-Projection-Failure",
          (f.seq() == null ? "" : "seq=" + f.seq() + "; ") + "kind=" + f.kind());
    }
    return out;
  }
}
