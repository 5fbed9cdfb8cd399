package net.suyuan.ledger.api.income.web;

import java.time.LocalDate;
import java.util.Map;
import net.suyuan.ledger.api.auth.OwnHouseholdsOnly;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.income.IncomeProperties;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.projection.IncomeStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A household's income (docs/income.md, "API"). Not public: like the household profile, visible to
 * the cooperative the household is enrolled with, to social organizations and to auditors; the
 * route rule ({@code auth.AccessRules}) answers 401 without a key and 403 for other roles, {@link
 * OwnHouseholdsOnly} 403 for another cooperative and 404 for a household that is not enrolled, both
 * before the query parameters are checked. An enrolled household with no lines in the period gets
 * zeros.
 *
 * <p>{@code detail=entries} lists the seq of every line in the period, so it is bounded: more than
 * {@code ledger.income.max-detail-entries} lines (default 10,000) is a 400 naming {@code detail}
 * that asks for a shorter period (issue 11 defect 1: every read is bounded).
 */
@RestController
class HouseholdIncomeController {
  private final IncomeStore store;
  private final IncomeProjector projector;
  private final long maxDetailEntries;

  HouseholdIncomeController(
      IncomeStore store, IncomeProjector projector, IncomeProperties properties) {
    this.store = store;
    this.projector = projector;
    this.maxDetailEntries = properties.maxDetailEntries();
  }

  @GetMapping("/api/v1/households/{householdId}/income")
  @OwnHouseholdsOnly
  Mono<Map<String, Object>> income(
      @PathVariable String householdId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String detail) {
    return Mono.defer(
        () -> {
          String id = IncomeParams.householdId(householdId);
          LocalDate start = IncomeParams.date("from", from);
          LocalDate end = IncomeParams.date("to", to);
          boolean entries = IncomeParams.detail(detail);
          if (start != null && end != null && end.isBefore(start)) {
            throw Problems.invalidField("to", "must not be before from (" + start + ")");
          }
          LocalDate first = start == null ? IncomeParams.MIN_DATE : start;
          LocalDate last = end == null ? IncomeParams.MAX_DATE : end;
          Mono<Void> bounded =
              entries
                  ? store.lineCount(id, first, last).flatMap(this::checkDetailBound)
                  : Mono.empty();
          return bounded
              .then(store.household(id, first, last, entries))
              .map(
                  data -> {
                    Map<String, Object> out = HouseholdIncomeView.of(id, start, end, data, entries);
                    out.put("projection", ProjectionView.of(data.asOf(), projector.status()));
                    return out;
                  });
        });
  }

  private Mono<Void> checkDetailBound(long lines) {
    return lines <= maxDetailEntries
        ? Mono.empty()
        : Mono.error(
            Problems.invalidField(
                "detail",
                "detail=entries lists at most "
                    + maxDetailEntries
                    + " entries and the period holds "
                    + lines
                    + "; ask for a shorter period with from and to"));
  }
}
