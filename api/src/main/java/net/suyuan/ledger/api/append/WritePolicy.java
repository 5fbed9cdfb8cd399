package net.suyuan.ledger.api.append;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerView;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductionRecorded;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * Who may record what (docs/api.md, "Who may write what"). Checked twice: the role against the
 * event type before the request is queued, and a cooperative's ownership of the household an event
 * names against the ledger state inside the commit group (the household may have been enrolled in
 * the same group).
 */
final class WritePolicy {
  private static final Map<Role, Set<String>> TYPES = new EnumMap<>(Role.class);

  static {
    TYPES.put(
        Role.COOPERATIVE,
        Set.of(
            SiteRegistered.TYPE,
            HouseholdEnrolled.TYPE,
            ProductionRecorded.TYPE,
            HarvestDelivered.TYPE,
            WageRecorded.TYPE,
            PayoutMade.TYPE));
    TYPES.put(Role.PROCESSOR, Set.of(LotTransformed.TYPE));
    TYPES.put(Role.INSPECTOR, Set.of(InspectionRecorded.TYPE));
    TYPES.put(Role.SELLER, Set.of(SaleRecorded.TYPE, SaleRefunded.TYPE));
    TYPES.put(Role.SOCIAL_ORG, EventTypes.eventTypes());
    TYPES.put(Role.AUDITOR, Set.of()); // read-only
  }

  private WritePolicy() {}

  static boolean mayRecord(Role role, String type) {
    return TYPES.getOrDefault(role, Set.of()).contains(type);
  }

  /**
   * The stateless check: the role may record the type, and a cooperative enrols households only
   * into itself. Returns the offending field (relative to the event) or null.
   */
  static String denied(Role role, String orgId, LedgerEvent event) {
    if (!mayRecord(role, event.type())) {
      return "role " + role.value() + " may not record " + event.type();
    }
    if (role == Role.COOPERATIVE && event instanceof HouseholdEnrolled enrolled) {
      String coop = enrolled.cooperative().value();
      if (!coop.equals(orgId)) {
        return "cooperative " + orgId + " may not enrol a household into " + coop;
      }
    }
    return null;
  }

  /** The stateful check: a cooperative records only for households enrolled with it. */
  static String deniedByOwnership(Role role, String orgId, LedgerEvent event, LedgerView view) {
    if (role != Role.COOPERATIVE) {
      return null;
    }
    for (HouseholdId household : event.references().households()) {
      String denied =
          view.household(household)
              .filter(h -> !h.cooperative().value().equals(orgId))
              .map(
                  h ->
                      "household "
                          + household
                          + " is enrolled with cooperative "
                          + h.cooperative()
                          + ", not "
                          + orgId)
              .orElse(null);
      if (denied != null) {
        return denied;
      }
    }
    return null;
  }
}
