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
 * ledger. {@link #apply} ({@link StateTransition}) trusts its input: call it only after {@link
 * EventValidator#validate} accepted the event against this state. Not thread-safe.
 */
public final class InMemoryLedgerState implements LedgerState {
  private final Map<Gtin, ProductInfo> products = new HashMap<>();
  private final Map<StandardId, Map<Integer, StandardVersionInfo>> standards = new HashMap<>();
  private final Map<StandardId, Integer> latestVersions = new HashMap<>();
  private final Set<BaseId> sites = new HashSet<>();
  private final Map<HouseholdId, HouseholdInfo> households = new HashMap<>();
  private final Map<LotId, LotInfo> lots = new HashMap<>();
  private final Map<SaleId, SaleInfo> sales = new HashMap<>();
  private final Set<RefundId> refunds = new HashSet<>();

  /** Updates the state with an event that validated against it. */
  public void apply(LedgerEvent event) {
    StateTransition.apply(this, event);
  }

  // --- LedgerState: the transition's writes ---

  @Override
  public void addProduct(ProductInfo product) {
    products.put(product.gtin(), product);
  }

  @Override
  public void addStandard(StandardPublished published) {
    standards
        .computeIfAbsent(published.standardId(), id -> new HashMap<>())
        .put(published.version(), StandardVersionInfo.of(published));
    latestVersions.merge(published.standardId(), published.version(), Math::max);
  }

  @Override
  public void addSite(BaseId baseId) {
    sites.add(baseId);
  }

  @Override
  public void addHousehold(HouseholdInfo household) {
    households.put(household.householdId(), household);
  }

  @Override
  public void putLot(LotInfo lot) {
    lots.put(lot.lotId(), lot);
  }

  @Override
  public void putSale(SaleInfo sale) {
    sales.put(sale.saleId(), sale);
  }

  @Override
  public void addRefund(SaleRefunded refund) {
    refunds.add(refund.refundId());
  }

  // --- LedgerView ---

  @Override
  public Optional<ProductInfo> product(Gtin gtin) {
    return Optional.ofNullable(products.get(gtin));
  }

  @Override
  public Optional<LotInfo> lot(LotId lotId) {
    return Optional.ofNullable(lots.get(lotId));
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
