package net.suyuan.ledger.api.household;

import jakarta.validation.Valid;
import net.suyuan.ledger.api.auth.Caller;
import net.suyuan.ledger.api.auth.CallerAccess;
import net.suyuan.ledger.api.auth.OrganizationStore;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Household personal data. Only the owning cooperative and social organizations may read or write
 * it; everyone else gets 403, and requests without a key 401.
 */
@RestController
@RequestMapping("/api/v1/households/{householdId}/profile")
public class HouseholdController {

  private final HouseholdProfileStore profiles;
  private final OrganizationStore orgs;

  public HouseholdController(HouseholdProfileStore profiles, OrganizationStore orgs) {
    this.profiles = profiles;
    this.orgs = orgs;
  }

  @PutMapping
  public Mono<HouseholdProfile> put(
      @PathVariable String householdId,
      @Valid @RequestBody ProfileRequest request,
      ServerWebExchange exchange) {
    return CallerAccess.requireRole(exchange, Role.COOPERATIVE, Role.SOCIAL_ORG)
        .flatMap(caller -> checkId(householdId).then(owner(caller, request)))
        .flatMap(
            owner ->
                profiles
                    .upsert(householdId, owner, request, isSocialOrg(exchange))
                    .switchIfEmpty(
                        Mono.error(
                            Problems.forbidden(
                                "household " + householdId + " belongs to another cooperative"))));
  }

  @GetMapping
  public Mono<HouseholdProfile> get(@PathVariable String householdId, ServerWebExchange exchange) {
    return CallerAccess.requireRole(exchange, Role.COOPERATIVE, Role.SOCIAL_ORG)
        .flatMap(
            caller ->
                checkId(householdId)
                    .then(profiles.find(householdId))
                    .switchIfEmpty(Mono.error(Problems.notFound("no profile for " + householdId)))
                    .filter(
                        p ->
                            caller.role() == Role.SOCIAL_ORG
                                || p.cooperativeOrgId().equals(caller.orgId()))
                    .switchIfEmpty(
                        Mono.error(
                            Problems.forbidden(
                                "household " + householdId + " belongs to another cooperative"))));
  }

  /** The cooperative that will own the profile, checked to exist with role cooperative. */
  private Mono<String> owner(Caller caller, ProfileRequest request) {
    String requested = request.cooperativeOrgId();
    if (caller.role() == Role.COOPERATIVE) {
      if (requested != null && !requested.equals(caller.orgId())) {
        return Mono.error(Problems.forbidden("a cooperative may only manage its own households"));
      }
      return Mono.just(caller.orgId());
    }
    if (requested == null) {
      return Mono.error(
          Problems.invalidField("cooperativeOrgId", "required when a social_org writes"));
    }
    return orgs.find(requested)
        .filter(org -> org.role() == Role.COOPERATIVE)
        .map(org -> org.orgId())
        .switchIfEmpty(
            Mono.error(Problems.invalidField("cooperativeOrgId", "no such cooperative")));
  }

  private static Mono<Void> checkId(String householdId) {
    return HouseholdProfile.isValidId(householdId)
        ? Mono.empty()
        : Mono.error(
            Problems.invalidField(
                "householdId", "must match " + HouseholdProfile.HOUSEHOLD_ID.pattern()));
  }

  private static boolean isSocialOrg(ServerWebExchange exchange) {
    return CallerAccess.current(exchange).map(c -> c.role() == Role.SOCIAL_ORG).orElse(false);
  }
}
