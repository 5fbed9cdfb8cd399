package net.suyuan.ledger.api.append;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerView;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductionRecorded;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;

/**
 * The keys of the state rows a commit group's events refer to, so {@link StateRows} can fetch
 * exactly those (one {@code = ANY($2)} query per table) instead of the whole ledger.
 */
final class EventKeys {
  final Set<String> gtins = new LinkedHashSet<>();
  final Set<String> lots = new LinkedHashSet<>();
  final Set<String> standards = new LinkedHashSet<>();
  final Set<String> sites = new LinkedHashSet<>();
  final Set<String> households = new LinkedHashSet<>();
  final Set<String> sales = new LinkedHashSet<>();
  final Set<String> refunds = new LinkedHashSet<>();

  void add(LedgerEvent event) {
    if (event instanceof ProductRegistered) {
      gtins.add(((ProductRegistered) event).gtin().value());
    } else if (event instanceof StandardPublished) {
      StandardPublished e = (StandardPublished) event;
      standards.add(e.standardId().value());
      gtins.add(e.gtin().value());
    } else if (event instanceof SiteRegistered) {
      sites.add(((SiteRegistered) event).baseId().value());
    } else if (event instanceof HouseholdEnrolled) {
      households.add(((HouseholdEnrolled) event).householdId().value());
    } else if (event instanceof ProductionRecorded) {
      ProductionRecorded e = (ProductionRecorded) event;
      sites.add(e.baseId().value());
      e.lotId().ifPresent(l -> lots.add(l.value()));
    } else if (event instanceof HarvestDelivered) {
      HarvestDelivered e = (HarvestDelivered) event;
      lots.add(e.lotId().value());
      gtins.add(e.gtin().value());
      households.add(e.householdId().value());
      sites.add(e.baseId().value());
    } else if (event instanceof LotTransformed) {
      LotTransformed e = (LotTransformed) event;
      e.inputs().forEach(in -> lots.add(in.lotId().value()));
      e.outputs().forEach(out -> lots.add(out.lotId().value()));
      e.outputs().forEach(out -> gtins.add(out.gtin().value()));
    } else if (event instanceof InspectionRecorded) {
      InspectionRecorded e = (InspectionRecorded) event;
      lots.add(e.lotId().value());
      standards.add(e.standardId().value());
    } else if (event instanceof SaleRecorded) {
      SaleRecorded e = (SaleRecorded) event;
      sales.add(e.saleId().value());
      lots.add(e.lotId().value());
    } else if (event instanceof SaleRefunded) {
      SaleRefunded e = (SaleRefunded) event;
      refunds.add(e.refundId().value());
      sales.add(e.saleId().value());
    } else if (event instanceof WageRecorded) {
      WageRecorded e = (WageRecorded) event;
      households.add(e.householdId().value());
      sites.add(e.baseId().value());
    } else if (event instanceof PayoutMade) {
      households.add(((PayoutMade) event).householdId().value());
    }
  }

  /**
   * The lots an accepted event mentions, for the {@code entry_lot} index; a refund mentions the lot
   * of its sale. Call before applying the event (the view must know the sale).
   */
  static List<LotId> lotsMentioned(LedgerEvent event, LedgerView view) {
    List<LotId> out = new ArrayList<>();
    if (event instanceof ProductionRecorded) {
      ((ProductionRecorded) event).lotId().ifPresent(out::add);
    } else if (event instanceof HarvestDelivered) {
      out.add(((HarvestDelivered) event).lotId());
    } else if (event instanceof LotTransformed) {
      LotTransformed e = (LotTransformed) event;
      e.inputs().forEach(in -> out.add(in.lotId()));
      e.outputs().forEach(o -> out.add(o.lotId()));
    } else if (event instanceof InspectionRecorded) {
      out.add(((InspectionRecorded) event).lotId());
    } else if (event instanceof SaleRecorded) {
      out.add(((SaleRecorded) event).lotId());
    } else if (event instanceof SaleRefunded) {
      view.sale(((SaleRefunded) event).saleId()).ifPresent(s -> out.add(s.lotId()));
    }
    return out;
  }

  /** The household a cooperative must own for this event, if any (see {@link WritePolicy}). */
  static HouseholdId household(LedgerEvent event) {
    if (event instanceof HarvestDelivered) {
      return ((HarvestDelivered) event).householdId();
    } else if (event instanceof WageRecorded) {
      return ((WageRecorded) event).householdId();
    } else if (event instanceof PayoutMade) {
      return ((PayoutMade) event).householdId();
    }
    return null;
  }
}
