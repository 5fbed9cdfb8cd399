package net.suyuan.ledger.api.append;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerView;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
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
 * rejected request is undone with {@link #mark()} / {@link #rollback(int)}. Mirrors {@code
 * InMemoryLedgerState#apply}, which cannot be seeded with stored rows. Not thread-safe.
 */
final class StateOverlay implements LedgerView {
  private final Map<Gtin, ProductInfo> products = new HashMap<>();
  private final Map<StandardId, Map<Integer, StandardVersionInfo>> standards = new HashMap<>();
  private final Map<BaseId, Boolean> sites = new HashMap<>();
  private final Map<HouseholdId, HouseholdInfo> households = new HashMap<>();
  private final Map<LotId, LotInfo> lots = new HashMap<>();
  private final Map<SaleId, SaleInfo> sales = new HashMap<>();
  private final Map<RefundId, Boolean> refunds = new HashMap<>();
  private final Changes changes = new Changes();
  private final Deque<Runnable> undo = new ArrayDeque<>();

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

  /**
   * Lays an earlier group's state after its events over the rows seeded here, which were read
   * before that group committed: every row the earlier group read or wrote takes its value from
   * there (as seeded rows: no undo, no changes; the earlier group writes its own changes). Rows it
   * did not hold are unchanged by it. Reads {@code earlier}, which must no longer change.
   */
  void overlay(StateOverlay earlier) {
    products.putAll(earlier.products);
    earlier.standards.forEach(
        (id, versions) -> standards.computeIfAbsent(id, k -> new HashMap<>()).putAll(versions));
    sites.putAll(earlier.sites);
    households.putAll(earlier.households);
    lots.putAll(earlier.lots);
    sales.putAll(earlier.sales);
    refunds.putAll(earlier.refunds);
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

  // --- applying accepted events ---

  /** Updates the state with an event that validated against it, recorded at {@code seq}. */
  void apply(LedgerEvent event, long seq) {
    if (event instanceof ProductRegistered) {
      ProductRegistered e = (ProductRegistered) event;
      put(products, e.gtin(), new ProductInfo(e.gtin(), e.baseUnit()));
      put(changes.products, e.gtin(), seq);
    } else if (event instanceof StandardPublished) {
      StandardPublished e = (StandardPublished) event;
      Map<Integer, StandardVersionInfo> versions =
          standards.computeIfAbsent(e.standardId(), id -> new HashMap<>());
      put(versions, e.version(), info(e));
      put(changes.standards, e.standardId() + "#" + e.version(), new Seq<>(e, seq));
    } else if (event instanceof SiteRegistered) {
      BaseId baseId = ((SiteRegistered) event).baseId();
      put(sites, baseId, true);
      put(changes.sites, baseId, seq);
    } else if (event instanceof HouseholdEnrolled) {
      HouseholdEnrolled e = (HouseholdEnrolled) event;
      put(households, e.householdId(), new HouseholdInfo(e.householdId(), e.cooperative()));
      put(changes.households, e.householdId(), seq);
    } else if (event instanceof HarvestDelivered) {
      HarvestDelivered e = (HarvestDelivered) event;
      LotInfo lot = lots.get(e.lotId());
      long remaining = lot == null ? 0 : lot.remaining();
      setLot(
          new LotInfo(e.lotId(), e.gtin(), remaining + e.quantity().value(), true),
          lot == null,
          seq);
    } else if (event instanceof LotTransformed) {
      LotTransformed e = (LotTransformed) event;
      for (LotTransformed.LotInput in : e.inputs()) {
        draw(in.lotId(), in.quantity().value(), seq);
      }
      for (LotTransformed.LotOutput out : e.outputs()) {
        setLot(new LotInfo(out.lotId(), out.gtin(), out.quantity().value(), false), true, seq);
      }
    } else if (event instanceof SaleRecorded) {
      SaleRecorded e = (SaleRecorded) event;
      draw(e.lotId(), e.quantity().value(), seq);
      put(sales, e.saleId(), SaleInfo.of(e));
      put(changes.sales, e.saleId(), seq);
    } else if (event instanceof SaleRefunded) {
      SaleRefunded e = (SaleRefunded) event;
      SaleInfo s = require(sales.get(e.saleId()), e.saleId());
      put(sales, e.saleId(), s.after(e));
      if (!changes.sales.containsKey(e.saleId())) {
        put(changes.sales, e.saleId(), 0L); // existing sale: only the refund sums change
      }
      put(refunds, e.refundId(), true);
      put(changes.refunds, e.refundId(), new Seq<>(e, seq));
    }
    // production, inspection, wage and payout events change nothing validation reads.
  }

  private static StandardVersionInfo info(StandardPublished e) {
    return new StandardVersionInfo(e.standardId(), e.version(), e.gtin(), e.grades());
  }

  private void draw(LotId lotId, long quantity, long seq) {
    LotInfo lot = require(lots.get(lotId), lotId);
    if (quantity > lot.remaining()) {
      throw new IllegalStateException("apply without validate: lot " + lotId + " overdrawn");
    }
    setLot(
        new LotInfo(lotId, lot.gtin(), lot.remaining() - quantity, lot.harvestLot()), false, seq);
  }

  private void setLot(LotInfo lot, boolean created, long seq) {
    put(lots, lot.lotId(), lot);
    LotChange before = changes.lots.get(lot.lotId());
    long createdSeq = created ? seq : before == null ? 0 : before.createdSeq();
    put(changes.lots, lot.lotId(), new LotChange(createdSeq, seq));
  }

  private static <T> T require(T found, Object id) {
    if (found == null) {
      throw new IllegalStateException("apply without validate: " + id + " does not exist");
    }
    return found;
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
