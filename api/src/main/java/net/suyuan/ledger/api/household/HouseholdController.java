package net.suyuan.ledger.api.household;

import jakarta.validation.Valid;
import net.suyuan.ledger.api.auth.OwnHouseholdsOnly;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.ledger.Enrollments;
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
 * social_org keys in (401 without a key, 403 for other roles); {@link OwnHouseholdsOnly} then
 * answers 403 to another cooperative, and 404 for a household the ledger has not enrolled (nobody
 * may create a profile for it: the first writer would otherwise become its owner and lock the real
 * cooperative out, issue 11 defect 5). A {@code PUT} body is read and checked before that rule.
 */
@RestController
@RequestMapping("/api/v1/households/{householdId}/profile")
public class HouseholdController {

  private final HouseholdProfileStore profiles;
  private final Enrollments enrollments;

  public HouseholdController(HouseholdProfileStore profiles, Enrollments enrollments) {
    this.profiles = profiles;
    this.enrollments = enrollments;
  }

  /** Stored for the enrolling cooperative, whoever of those allowed writes it. */
  @PutMapping
  @OwnHouseholdsOnly
  public Mono<HouseholdProfile> put(
      @PathVariable String householdId, @Valid @RequestBody ProfileRequest request) {
    return checkId(householdId)
        .then(enrollments.cooperative(householdId))
        .switchIfEmpty(
            Mono.error(() -> Problems.notFound("household " + householdId + " is not enrolled")))
        .flatMap(cooperative -> checkNamed(request, cooperative))
        .flatMap(cooperative -> profiles.upsert(householdId, cooperative, request));
  }

  @GetMapping
  @OwnHouseholdsOnly
  public Mono<HouseholdProfile> get(@PathVariable String householdId) {
    return checkId(householdId)
        .then(profiles.find(householdId))
        .switchIfEmpty(Mono.error(Problems.notFound("no profile for " + householdId)));
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
