package net.suyuan.ledger.api.income;

import java.time.LocalDate;
import java.util.Map;
import net.suyuan.ledger.api.auth.Caller;
import net.suyuan.ledger.api.auth.CallerAccess;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A household's income (docs/income.md, "API"). Not public: like the household profile, visible to
 * the cooperative the household is enrolled with, to social organizations and to auditors; 401
 * without a key, 403 for anyone else. A household that is not enrolled is 404; an enrolled one with
 * no lines in the period gets zeros.
 */
@RestController
class HouseholdIncomeController {
  private final IncomeStore store;
  private final IncomeProjector projector;

  HouseholdIncomeController(IncomeStore store, IncomeProjector projector) {
    this.store = store;
    this.projector = projector;
  }

  @GetMapping("/api/v1/households/{householdId}/income")
  Mono<Map<String, Object>> income(
      @PathVariable String householdId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String detail,
      ServerWebExchange exchange) {
    return CallerAccess.requireRole(exchange, Role.COOPERATIVE, Role.SOCIAL_ORG, Role.AUDITOR)
        .flatMap(
            caller -> {
              String id = IncomeParams.householdId(householdId);
              LocalDate start = IncomeParams.date("from", from);
              LocalDate end = IncomeParams.date("to", to);
              boolean entries = IncomeParams.detail(detail);
              if (start != null && end != null && end.isBefore(start)) {
                throw Problems.invalidField("to", "must not be before from (" + start + ")");
              }
              return store
                  .household(
                      id,
                      start == null ? IncomeParams.MIN_DATE : start,
                      end == null ? IncomeParams.MAX_DATE : end,
                      entries)
                  .map(
                      data -> {
                        authorize(caller, id, data.cooperative());
                        Map<String, Object> out =
                            HouseholdIncomeView.of(id, start, end, data, entries);
                        out.put("projection", ProjectionView.of(data.asOf(), projector.status()));
                        return out;
                      });
            });
  }

  /**
   * 404 for a household that is not enrolled, 403 for another cooperative's; read in the same
   * statement as the sums (one round trip), which are discarded when access is refused.
   */
  private static void authorize(Caller caller, String householdId, String cooperative) {
    if (cooperative == null) {
      throw Problems.notFound("household " + householdId + " is not enrolled");
    }
    if (caller.role() == Role.COOPERATIVE && !cooperative.equals(caller.orgId())) {
      throw Problems.forbidden("household " + householdId + " belongs to another cooperative");
    }
  }
}
