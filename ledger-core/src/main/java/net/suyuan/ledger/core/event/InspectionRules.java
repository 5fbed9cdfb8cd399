package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.EventValidator.reject;

import java.util.Optional;
import java.util.OptionalInt;
import net.suyuan.ledger.core.event.GradeLimits.Limit;
import net.suyuan.ledger.core.event.InspectionRecorded.Result;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.StandardVersionInfo;

/**
 * An inspection refers to a published standard version for the lot's product, and its {@code
 * passed} verdict must agree with its results: passed exactly when every limited metric of the
 * grade is measured and within its bounds. Results for unlimited metrics are allowed.
 */
final class InspectionRules {
  private InspectionRules() {}

  static void check(LedgerView view, InspectionRecorded e) throws EventValidationException {
    LotInfo lot = References.lot(view, e.lotId(), "lotId");
    StandardVersionInfo standard =
        view.standard(e.standardId(), e.standardVersion())
            .orElseThrow(() -> unknownVersion(view, e));
    if (!standard.gtin().equals(lot.gtin())) {
      throw reject(
          "lotId",
          "lot "
              + e.lotId()
              + " holds product "
              + lot.gtin()
              + " but standard "
              + e.standardId()
              + " version "
              + e.standardVersion()
              + " grades product "
              + standard.gtin());
    }
    GradeLimits grade =
        standard
            .grade(e.grade())
            .orElseThrow(
                () ->
                    reject(
                        "grade",
                        "standard "
                            + e.standardId()
                            + " version "
                            + e.standardVersion()
                            + " has no grade '"
                            + e.grade()
                            + "'"));
    Optional<String> failure = firstFailure(grade, e);
    if (e.passed() && failure.isPresent()) {
      throw reject("passed", "passed is true but " + failure.get());
    }
    if (!e.passed() && failure.isEmpty()) {
      throw reject(
          "passed",
          "passed is false but every limit of grade " + grade.grade() + " is met by the results");
    }
  }

  /** Why the results miss the grade, or empty when they meet it. */
  static Optional<String> firstFailure(GradeLimits grade, InspectionRecorded e) {
    for (Limit limit : grade.limits()) {
      Optional<Result> result = e.result(limit.metric());
      if (result.isEmpty()) {
        return Optional.of(
            limit.metric() + " is limited by grade " + grade.grade() + " but not measured");
      }
      long value = result.get().value();
      if (!limit.admits(value)) {
        return Optional.of(
            limit.metric()
                + " = "
                + value
                + " is outside "
                + limit.describe()
                + " for grade "
                + grade.grade());
      }
    }
    return Optional.empty();
  }

  private static EventValidationException unknownVersion(LedgerView view, InspectionRecorded e) {
    OptionalInt latest = view.latestStandardVersion(e.standardId());
    String known =
        latest.isPresent()
            ? "latest is version " + latest.getAsInt()
            : "no version of it is published";
    return reject(
        "standardVersion",
        "standard "
            + e.standardId()
            + " version "
            + e.standardVersion()
            + " is not published ("
            + known
            + ")");
  }
}
