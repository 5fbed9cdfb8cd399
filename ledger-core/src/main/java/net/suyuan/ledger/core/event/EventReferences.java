package net.suyuan.ledger.core.event;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;

/**
 * The ids one event mentions, whether it creates them or refers to them ({@link
 * LedgerEvent#references()}): the one place that says which ids each event type carries. The append
 * path loads the state rows of these ids, the lineage index ({@code entry_lot}) records the lots,
 * and the resolver fetches the registrations of the sites and standard versions. Each list holds an
 * id once, in the order the body names it. A refund names its sale, not the sale's lot: that lot is
 * state ({@link LedgerView#sale}), not part of the event.
 *
 * @param standards standard versions: the one a {@code standard.published} publishes, the one an
 *     inspection grades by
 */
public record EventReferences(
    List<LotId> lots,
    List<Gtin> products,
    List<StandardVersion> standards,
    List<BaseId> sites,
    List<HouseholdId> households,
    List<SaleId> sales,
    List<RefundId> refunds) {

  public EventReferences {
    lots = List.copyOf(lots);
    products = List.copyOf(products);
    standards = List.copyOf(standards);
    sites = List.copyOf(sites);
    households = List.copyOf(households);
    sales = List.copyOf(sales);
    refunds = List.copyOf(refunds);
  }

  /** A standard at one version. */
  public record StandardVersion(StandardId standardId, int version) {
    public StandardVersion {
      Objects.requireNonNull(standardId, "standardId");
    }
  }

  /** The ids {@code event} mentions. */
  static EventReferences of(LedgerEvent event) {
    Builder b = new Builder();
    switch (event) {
      case ProductRegistered e -> b.products.add(e.gtin());
      case StandardPublished e -> {
        b.standards.add(new StandardVersion(e.standardId(), e.version()));
        b.products.add(e.gtin());
      }
      case SiteRegistered e -> b.sites.add(e.baseId());
      case HouseholdEnrolled e -> b.households.add(e.householdId());
      case ProductionRecorded e -> {
        b.sites.add(e.baseId());
        e.lotId().ifPresent(b.lots::add);
      }
      case HarvestDelivered e -> {
        b.lots.add(e.lotId());
        b.products.add(e.gtin());
        b.households.add(e.householdId());
        b.sites.add(e.baseId());
      }
      case LotTransformed e -> {
        e.inputs().forEach(in -> b.lots.add(in.lotId()));
        e.outputs().forEach(out -> b.lots.add(out.lotId()));
        e.outputs().forEach(out -> b.products.add(out.gtin()));
      }
      case InspectionRecorded e -> {
        b.lots.add(e.lotId());
        b.standards.add(new StandardVersion(e.standardId(), e.standardVersion()));
      }
      case SaleRecorded e -> {
        b.sales.add(e.saleId());
        b.lots.add(e.lotId());
      }
      case SaleRefunded e -> {
        b.refunds.add(e.refundId());
        b.sales.add(e.saleId());
      }
      case WageRecorded e -> {
        b.households.add(e.householdId());
        b.sites.add(e.baseId());
      }
      case PayoutMade e -> b.households.add(e.householdId());
    }
    return b.build();
  }

  /** The standard ids alone, each once (all versions of a standard matter to validation). */
  public List<StandardId> standardIds() {
    Set<StandardId> ids = new LinkedHashSet<>();
    standards.forEach(s -> ids.add(s.standardId()));
    return List.copyOf(ids);
  }

  private static final class Builder {
    final Set<LotId> lots = new LinkedHashSet<>();
    final Set<Gtin> products = new LinkedHashSet<>();
    final Set<StandardVersion> standards = new LinkedHashSet<>();
    final Set<BaseId> sites = new LinkedHashSet<>();
    final Set<HouseholdId> households = new LinkedHashSet<>();
    final Set<SaleId> sales = new LinkedHashSet<>();
    final Set<RefundId> refunds = new LinkedHashSet<>();

    EventReferences build() {
      return new EventReferences(
          List.copyOf(lots),
          List.copyOf(products),
          List.copyOf(standards),
          List.copyOf(sites),
          List.copyOf(households),
          List.copyOf(sales),
          List.copyOf(refunds));
    }
  }
}
