package net.suyuan.ledger.core.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import net.suyuan.ledger.core.id.OrgId;

/**
 * Checks a well-formed event against the ledger state before it is appended: references resolve,
 * ids are new, lots hold enough, claims (inspection verdicts, refunds) are consistent, and the
 * event did not happen in the future. Pure: reads the view and the given {@code now} only.
 */
public final class EventValidator {
  /** Clock skew allowed between the recording device and the ledger. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

  private final Duration futureTolerance;

  public EventValidator() {
    this(DEFAULT_FUTURE_TOLERANCE);
  }

  public EventValidator(Duration futureTolerance) {
    if (futureTolerance.isNegative()) {
      throw new IllegalArgumentException("future tolerance must not be negative");
    }
    this.futureTolerance = futureTolerance;
  }

  /**
   * @param actorOrgId the organisation recording the entry
   * @param now the ledger's current time, from an injected clock
   * @throws EventValidationException naming the offending field
   */
  public void validate(LedgerView view, String actorOrgId, LedgerEvent event, Instant now)
      throws EventValidationException {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(now, "now");
    OrgId actor;
    try {
      actor = OrgId.of(actorOrgId);
    } catch (IllegalArgumentException e) {
      throw new EventValidationException("actor", e.getMessage());
    }
    if (event instanceof TimedEvent timed) {
      checkNotInFuture(timed.occurredAt(), now);
    }
    switch (event) {
      case ProductRegistered e -> CatalogRules.product(view, e);
      case StandardPublished e -> CatalogRules.standard(view, e);
      case SiteRegistered e -> CatalogRules.site(view, e);
      case HouseholdEnrolled e -> CatalogRules.household(view, actor, e);
      case ProductionRecorded e -> LotRules.production(view, e);
      case HarvestDelivered e -> LotRules.delivery(view, e);
      case LotTransformed e -> LotRules.transformation(view, e);
      case InspectionRecorded e -> InspectionRules.check(view, e);
      case SaleRecorded e -> SaleRules.sale(view, e);
      case SaleRefunded e -> SaleRules.refund(view, e);
      case WageRecorded e -> PaymentRules.wage(view, e);
      case PayoutMade e -> PaymentRules.payout(view, e);
    }
  }

  private void checkNotInFuture(Instant occurredAt, Instant now) throws EventValidationException {
    Instant latest = now.plus(futureTolerance);
    if (occurredAt.isAfter(latest)) {
      throw new EventValidationException(
          "occurredAt",
          "occurredAt is in the future: "
              + Timestamps.format(occurredAt)
              + " is more than "
              + futureTolerance
              + " after "
              + Timestamps.format(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    }
  }

  static EventValidationException reject(String field, String message) {
    return new EventValidationException(field, message);
  }
}
