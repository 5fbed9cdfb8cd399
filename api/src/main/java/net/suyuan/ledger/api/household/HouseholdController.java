package net.suyuan.ledger.api.household;

import jakarta.validation.Valid;
import net.suyuan.ledger.api.auth.Caller;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Household personal data. Who may read or write a profile is decided by the ledger, not by the
 * profile row: the cooperative named by the household's {@code household.enrolled} entry, and
 * social organizations. The route rule ({@code auth.AccessRules}) lets only cooperative and
 * social_org keys in (401 without a key, 403 for other roles); here another cooperative gets 403,
 * and a household the ledger has not enrolled 404 (nobody may create a profile for it: the first
 * writer would otherwise become its owner and lock the real cooperative out, issue 11 defect 5).
 */
@RestController
@RequestMapping("/api/v1/households/{householdId}/profile")
public class HouseholdController {

  private final HouseholdProfileStore profiles;

  public HouseholdController(HouseholdProfileStore profiles) {
    this.profiles = profiles;
  }

  @PutMapping
  public Mono<HouseholdProfile> put(
      @PathVariable String householdId,
      @Valid @RequestBody ProfileRequest request,
      @AuthenticationPrincipal Caller caller) {
    return checkId(householdId)
        .then(enrolledWith(caller, householdId))
        .flatMap(cooperative -> checkNamed(request, cooperative))
        .flatMap(cooperative -> profiles.upsert(householdId, cooperative, request));
  }

  @GetMapping
  public Mono<HouseholdProfile> get(
      @PathVariable String householdId, @AuthenticationPrincipal Caller caller) {
    return checkId(householdId)
        .then(enrolledWith(caller, householdId))
        .then(profiles.find(householdId))
        .switchIfEmpty(Mono.error(Problems.notFound("no profile for " + householdId)));
  }

  /**
   * The cooperative the ledger enrolled the household with, once the caller is known to be allowed:
   * 404 when not enrolled, 403 for another cooperative.
   */
  private Mono<String> enrolledWith(Caller caller, String householdId) {
    return profiles
        .enrolledCooperative(householdId)
        .switchIfEmpty(
            Mono.error(Problems.notFound("household " + householdId + " is not enrolled")))
        .flatMap(
            cooperative ->
                caller.role() == Role.SOCIAL_ORG || cooperative.equals(caller.orgId())
                    ? Mono.just(cooperative)
                    : Mono.error(
                        Problems.forbidden(
                            "household " + householdId + " belongs to another cooperative")));
  }

  /** {@code cooperativeOrgId} is optional; when given it must be the enrolling cooperative. */
  private static Mono<String> checkNamed(ProfileRequest request, String cooperative) {
    String named = request.cooperativeOrgId();
    return named == null || named.equals(cooperative)
        ? Mono.just(cooperative)
        : Mono.error(
            Problems.invalidField(
                "cooperativeOrgId",
                "the household is enrolled with "
                    + cooperative
                    + " (household.enrolled); omit the member or name that cooperative"));
  }

  private static Mono<Void> checkId(String householdId) {
    return HouseholdProfile.isValidId(householdId)
        ? Mono.empty()
        : Mono.error(
            Problems.invalidField(
                "householdId", "must match " + HouseholdProfile.HOUSEHOLD_ID.pattern()));
  }
}
