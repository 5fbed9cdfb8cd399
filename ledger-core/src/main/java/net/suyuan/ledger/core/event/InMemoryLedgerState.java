package net.suyuan.ledger.core.event;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;

/**
 * The ledger state in memory, built by applying events in order: for tests and for replaying a
 * ledger. {@link #apply} trusts its input: call it only after {@link EventValidator#validate}
 * accepted the event against this state. Each event costs O(1) per lot it touches. Not thread-safe.
 */
public final class InMemoryLedgerState implements LedgerView {
  private final Map<Gtin, ProductInfo> products = new HashMap<>();
  private final Map<StandardId, Map<Integer, StandardVersionInfo>> standards = new HashMap<>();
  private final Map<StandardId, Integer> latestVersions = new HashMap<>();
  private final Set<BaseId> sites = new HashSet<>();
  private final Map<HouseholdId, HouseholdInfo> households = new HashMap<>();
  private final Map<LotId, Lot> lots = new HashMap<>();
  private final Map<SaleId, SaleInfo> sales = new HashMap<>();
  private final Set<RefundId> refunds = new HashSet<>();

  /** Mutable so that drawing on a lot allocates nothing. */
  private static final class Lot {
    final Gtin gtin;
    final boolean harvestLot;
    long remaining;

    Lot(Gtin gtin, boolean harvestLot, long remaining) {
      this.gtin = gtin;
      this.harvestLot = harvestLot;
      this.remaining = remaining;
    }
  }

  /** Updates the state with an event that validated against it. */
  public void apply(LedgerEvent event) {
    if (event instanceof ProductRegistered) {
      ProductRegistered e = (ProductRegistered) event;
      products.put(e.gtin(), new ProductInfo(e.gtin(), e.baseUnit()));
    } else if (event instanceof StandardPublished) {
      StandardPublished e = (StandardPublished) event;
      standards
          .computeIfAbsent(e.standardId(), id -> new HashMap<>())
          .put(
              e.version(),
              new StandardVersionInfo(e.standardId(), e.version(), e.gtin(), e.grades()));
      latestVersions.merge(e.standardId(), e.version(), Math::max);
    } else if (event instanceof SiteRegistered) {
      sites.add(((SiteRegistered) event).baseId());
    } else if (event instanceof HouseholdEnrolled) {
      HouseholdEnrolled e = (HouseholdEnrolled) event;
      households.put(e.householdId(), new HouseholdInfo(e.householdId(), e.cooperative()));
    } else if (event instanceof HarvestDelivered) {
      HarvestDelivered e = (HarvestDelivered) event;
      Lot lot = lots.get(e.lotId());
      if (lot == null) {
        lots.put(e.lotId(), new Lot(e.gtin(), true, e.quantity().value()));
      } else {
        lot.remaining = Math.addExact(lot.remaining, e.quantity().value());
      }
    } else if (event instanceof LotTransformed) {
      LotTransformed e = (LotTransformed) event;
      for (LotTransformed.LotInput in : e.inputs()) {
        draw(in.lotId(), in.quantity().value());
      }
      for (LotTransformed.LotOutput out : e.outputs()) {
        lots.put(out.lotId(), new Lot(out.gtin(), false, out.quantity().value()));
      }
    } else if (event instanceof SaleRecorded) {
      SaleRecorded e = (SaleRecorded) event;
      draw(e.lotId(), e.quantity().value());
      sales.put(e.saleId(), SaleInfo.of(e));
    } else if (event instanceof SaleRefunded) {
      SaleRefunded e = (SaleRefunded) event;
      sales.put(e.saleId(), require(sales.get(e.saleId()), e.saleId()).after(e));
      refunds.add(e.refundId());
    }
    // production, inspection, wage and payout events change nothing validation reads.
  }

  private void draw(LotId lotId, long quantity) {
    Lot lot = require(lots.get(lotId), lotId);
    if (quantity > lot.remaining) {
      throw new IllegalStateException("apply without validate: lot " + lotId + " overdrawn");
    }
    lot.remaining -= quantity;
  }

  private static <T> T require(T found, Object id) {
    if (found == null) {
      throw new IllegalStateException("apply without validate: " + id + " does not exist");
    }
    return found;
  }

  @Override
  public Optional<ProductInfo> product(Gtin gtin) {
    return Optional.ofNullable(products.get(gtin));
  }

  @Override
  public Optional<LotInfo> lot(LotId lotId) {
    Lot lot = lots.get(lotId);
    return lot == null
        ? Optional.empty()
        : Optional.of(new LotInfo(lotId, lot.gtin, lot.remaining, lot.harvestLot));
  }

  @Override
  public Optional<StandardVersionInfo> standard(StandardId standardId, int version) {
    return Optional.ofNullable(standards.getOrDefault(standardId, Map.of()).get(version));
  }

  @Override
  public OptionalInt latestStandardVersion(StandardId standardId) {
    Integer latest = latestVersions.get(standardId);
    return latest == null ? OptionalInt.empty() : OptionalInt.of(latest);
  }

  @Override
  public Optional<SaleInfo> sale(SaleId saleId) {
    return Optional.ofNullable(sales.get(saleId));
  }

  @Override
  public boolean refundExists(RefundId refundId) {
    return refunds.contains(refundId);
  }

  @Override
  public Optional<HouseholdInfo> household(HouseholdId householdId) {
    return Optional.ofNullable(households.get(householdId));
  }

  @Override
  public boolean siteExists(BaseId baseId) {
    return sites.contains(baseId);
  }
}
