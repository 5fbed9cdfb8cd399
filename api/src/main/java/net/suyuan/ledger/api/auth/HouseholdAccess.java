package net.suyuan.ledger.api.auth;

import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.ledger.Enrollments;
import net.suyuan.ledger.core.id.HouseholdId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The resource rule behind {@link OwnHouseholdsOnly}, evaluated by reactive method security: the
 * household's cooperative comes from the ledger ({@link Enrollments}, the {@code
 * household.enrolled} entry), never from a row outside the chain, and {@link
 * Caller#seesHouseholdOf} decides. It never answers {@code false}: a refusal is the problem the
 * handlers used to raise themselves, 404 for a household that is not enrolled, 403 for another
 * cooperative's, so the responses keep their detail.
 */
@Component("householdAccess")
public class HouseholdAccess {

  private final Enrollments enrollments;

  HouseholdAccess(Enrollments enrollments) {
    this.enrollments = enrollments;
  }

  /**
   * True when {@code caller} may see household {@code householdId}; otherwise fails with the 404 or
   * 403 to answer. A value that cannot be a household id names no household's data: true, and the
   * handler's own parameter check answers 400 naming {@code householdId}, as it did before this
   * rule existed. A null id or caller is a handler that does not name its parameter {@code
   * householdId}, or a route rule that let a request without a key through: refused (a bug, 500).
   */
  public Mono<Boolean> check(String householdId, Caller caller) {
    if (householdId == null || caller == null) {
      return Mono.error(
          new IllegalStateException(
              "@OwnHouseholdsOnly needs a householdId parameter and an authenticated caller"));
    }
    if (!HouseholdId.isValid(householdId)) {
      return Mono.just(true);
    }
    return enrollments
        .cooperative(householdId)
        .switchIfEmpty(
            Mono.error(() -> Problems.notFound("household " + householdId + " is not enrolled")))
        .flatMap(
            cooperative ->
                caller.seesHouseholdOf(cooperative)
                    ? Mono.just(true)
                    : Mono.error(
                        Problems.forbidden(
                            "household " + householdId + " belongs to another cooperative")));
  }
}
