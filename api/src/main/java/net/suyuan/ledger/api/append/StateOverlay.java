package net.suyuan.ledger.api.append;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerState;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.StateTransition;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;

/**
 * The validation state of one commit group: seeded with the rows the group's events refer to
 * ({@link StateRows#load}), then changed by each accepted event so later events in the group see
 * earlier ones. Remembers which rows changed ({@link Changes}) so only those are written. A
 * rejected request is undone with {@link #mark()} / {@link #rollback(int)}. How an event changes
 * the state is the core's {@link StateTransition}, as for {@code InMemoryLedgerState}: this class
 * only stores its writes, with undo and change tracking. Not thread-safe.
 */
final class StateOverlay implements LedgerState {
  private final Map<Gtin, ProductInfo> products = new HashMap<>();
  private final Map<StandardId, Map<Integer, StandardVersionInfo>> standards = new HashMap<>();
  private final Map<BaseId, Boolean> sites = new HashMap<>();
  private final Map<HouseholdId, HouseholdInfo> households = new HashMap<>();
  private final Map<LotId, LotInfo> lots = new HashMap<>();
  private final Map<SaleId, SaleInfo> sales = new HashMap<>();
  private final Map<RefundId, Boolean> refunds = new HashMap<>();
  private final Changes changes = new Changes();
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private long seq; // of the event being applied

  /** Rows to write at commit, in insertion order; values carry the seq of the entry. */
  static final class Changes {
    final Map<Gtin, Long> products = new LinkedHashMap<>();
    final Map<String, Seq<StandardPublished>> standards = new LinkedHashMap<>();
    final Map<BaseId, Long> sites = new LinkedHashMap<>();
    final Map<HouseholdId, Long> households = new LinkedHashMap<>();
    final Map<LotId, LotChange> lots = new LinkedHashMap<>();
    final Map<SaleId, Long> sales = new LinkedHashMap<>();
    final Map<RefundId, Seq<SaleRefunded>> refunds = new LinkedHashMap<>();
  }

  record Seq<T>(T value, long seq) {}

  /**
   * @param createdSeq 0 for a lot that already existed before this group
   */
  record LotChange(long createdSeq, long updatedSeq) {}

  // --- seeding from stored rows (no undo, no changes) ---

  void seedProduct(ProductInfo p) {
    products.put(p.gtin(), p);
  }

  void seedStandard(StandardVersionInfo s) {
    standards.computeIfAbsent(s.standardId(), id -> new HashMap<>()).put(s.version(), s);
  }

  void seedSite(BaseId baseId) {
    sites.put(baseId, true);
  }

  void seedHousehold(HouseholdInfo h) {
    households.put(h.householdId(), h);
  }

  void seedLot(LotInfo lot) {
    lots.put(lot.lotId(), lot);
  }

  void seedSale(SaleInfo sale) {
    sales.put(sale.saleId(), sale);
  }

  void seedRefund(RefundId refundId) {
    refunds.put(refundId, true);
  }

  Changes changes() {
    return changes;
  }

  // --- undo ---

  int mark() {
    return undo.size();
  }

  void rollback(int mark) {
    while (undo.size() > mark) {
      undo.pop().run();
    }
  }

  private <K, V> void put(Map<K, V> map, K key, V value) {
    boolean had = map.containsKey(key);
    V old = map.put(key, value);
    undo.push(() -> restore(map, key, had, old));
  }

  private static <K, V> void restore(Map<K, V> map, K key, boolean had, V old) {
    if (had) {
      map.put(key, old);
    } else {
      map.remove(key);
    }
  }

  // --- applying accepted events: the core's one transition, these are its writes ---

  /** Updates the state with an event that validated against it, recorded at {@code seq}. */
  void apply(LedgerEvent event, long seq) {
    this.seq = seq;
    StateTransition.apply(this, event);
  }

  @Override
  public void addProduct(ProductInfo product) {
    put(products, product.gtin(), product);
    put(changes.products, product.gtin(), seq);
  }

  @Override
  public void addStandard(StandardPublished published) {
    Map<Integer, StandardVersionInfo> versions =
        standards.computeIfAbsent(published.standardId(), id -> new HashMap<>());
    put(versions, published.version(), StandardVersionInfo.of(published));
    put(
        changes.standards,
        published.standardId() + "#" + published.version(),
        new Seq<>(published, seq));
  }

  @Override
  public void addSite(BaseId baseId) {
    put(sites, baseId, true);
    put(changes.sites, baseId, seq);
  }

  @Override
  public void addHousehold(HouseholdInfo household) {
    put(households, household.householdId(), household);
    put(changes.households, household.householdId(), seq);
  }

  /** A lot absent here is created at this seq; an existing one keeps its creation seq. */
  @Override
  public void putLot(LotInfo lot) {
    boolean created = !lots.containsKey(lot.lotId());
    put(lots, lot.lotId(), lot);
    LotChange before = changes.lots.get(lot.lotId());
    long createdSeq = created ? seq : before == null ? 0 : before.createdSeq();
    put(changes.lots, lot.lotId(), new LotChange(createdSeq, seq));
  }

  /** A sale absent here is recorded at this seq; for an existing one only its sums change. */
  @Override
  public void putSale(SaleInfo sale) {
    boolean recorded = !sales.containsKey(sale.saleId());
    put(sales, sale.saleId(), sale);
    if (recorded) {
      put(changes.sales, sale.saleId(), seq);
    } else if (!changes.sales.containsKey(sale.saleId())) {
      put(changes.sales, sale.saleId(), 0L); // existing sale: only the refund sums change
    }
  }

  @Override
  public void addRefund(SaleRefunded refund) {
    put(refunds, refund.refundId(), true);
    put(changes.refunds, refund.refundId(), new Seq<>(refund, seq));
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
    return standards.getOrDefault(standardId, Map.of()).keySet().stream()
        .mapToInt(Integer::intValue)
        .max();
  }

  @Override
  public Optional<SaleInfo> sale(SaleId saleId) {
    return Optional.ofNullable(sales.get(saleId));
  }

  @Override
  public boolean refundExists(RefundId refundId) {
    return refunds.containsKey(refundId);
  }

  @Override
  public Optional<HouseholdInfo> household(HouseholdId householdId) {
    return Optional.ofNullable(households.get(householdId));
  }

  @Override
  public boolean siteExists(BaseId baseId) {
    return sites.containsKey(baseId);
  }
}
