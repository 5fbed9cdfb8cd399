package net.suyuan.ledger.api.income.projection;

import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.income.IncomeAttribution;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;

/**
 * Feeds stored entries, in seq order, to the core's {@link IncomeAttribution} and says what each
 * adds to the income tables. Entries of other types (sites, households, production, inspections,
 * standards, genesis) move no money and touch no lot composition, so they are only counted, never
 * parsed: {@link #TYPES} lists the ones that matter. Not thread-safe; one instance is the live
 * projection's state, another each replay.
 */
public final class IncomeFeed {
  /** The event types income depends on; the entry scan fetches the bytes of these only. */
  static final Set<String> TYPES =
      Set.of(
          ProductRegistered.TYPE,
          HarvestDelivered.TYPE,
          LotTransformed.TYPE,
          SaleRecorded.TYPE,
          SaleRefunded.TYPE,
          WageRecorded.TYPE,
          PayoutMade.TYPE);

  /** What one entry adds: household lines, revenue lines, and a product for product.registered. */
  public record Applied(List<IncomeLine> lines, List<RevenueLine> revenue, ProductRow product) {
    static final Applied NONE = new Applied(List.of(), List.of(), null);
  }

  private final IncomeAttribution attribution = new IncomeAttribution();
  private final EntryEvents reader;
  private final ProgramState programs = new ProgramState();
  private long lastSeq = -1;

  public IncomeFeed() {
    this(new EntryEvents());
  }

  /** A feed that reads entries given to {@link #apply} with {@code reader}. */
  public IncomeFeed(EntryEvents reader) {
    this.reader = reader;
  }

  /** The last seq fed, -1 before the first. */
  long lastSeq() {
    return lastSeq;
  }

  /**
   * Applies the entry at {@code seq}; {@code canonical} (the stored entry bytes) may be null unless
   * {@code type} is one of {@link #TYPES}. The program rollup deltas it causes are added to {@code
   * programDeltas} (null when only the state is wanted, e.g. catching up).
   *
   * @throws IllegalStateException if the entry cannot be read or does not follow the last one
   */
  Applied apply(long seq, String type, String actor, byte[] canonical, Rollups programDeltas) {
    LedgerEvent event = TYPES.contains(type) ? reader.read(seq, type, canonical) : null;
    return applyEvent(seq, type, actor, event, programDeltas);
  }

  /**
   * Applies the entry at {@code seq} already read by {@link EntryEvents} ({@link ParsedScan} reads
   * chunks in parallel): {@code event} is null exactly when {@code type} is not one of {@link
   * #TYPES}.
   *
   * @throws IllegalStateException if the entry does not follow the last one
   */
  public Applied applyEvent(
      long seq, String type, String actor, LedgerEvent event, Rollups programDeltas) {
    if (seq <= lastSeq) {
      throw new IllegalStateException("entry " + seq + " does not follow " + lastSeq);
    }
    if (TYPES.contains(type) != (event != null)) {
      throw new IllegalStateException("entry " + seq + " of type " + type + " was not read");
    }
    lastSeq = seq;
    if (event == null) {
      return Applied.NONE;
    }
    var income = attribution.apply(seq, event);
    ProductRow product = null;
    if (event instanceof ProductRegistered p) {
      product =
          new ProductRow(
              p.gtin().value(),
              actor,
              p.baseUnit().wire(),
              p.referencePrice().map(r -> r.fen().value()).orElse(null),
              p.referencePrice().map(r -> r.per().value()).orElse(null),
              seq);
      programs.product(product);
    }
    for (IncomeLine line : income.households()) {
      programs.line(line, programDeltas);
    }
    return new Applied(income.households(), income.revenue(), product);
  }
}
