package net.suyuan.ledger.api.append;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.event.EventReferences;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerView;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SaleId;

/**
 * The keys of the state rows a commit group's events refer to ({@link LedgerEvent#references()}),
 * so {@link StateRows} can fetch exactly those (one {@code = ANY($2)} query per table) instead of
 * the whole ledger. Standards are loaded by id, every version: validation reads the latest.
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
    EventReferences r = event.references();
    r.products().forEach(g -> gtins.add(g.value()));
    r.lots().forEach(l -> lots.add(l.value()));
    r.standardIds().forEach(s -> standards.add(s.value()));
    r.sites().forEach(b -> sites.add(b.value()));
    r.households().forEach(h -> households.add(h.value()));
    r.sales().forEach(s -> sales.add(s.value()));
    r.refunds().forEach(f -> refunds.add(f.value()));
  }

  /**
   * The lots an accepted event mentions, for the {@code entry_lot} index: its own lots and the lot
   * of a sale it names that the view already holds (a refund mentions the lot of its sale; a new
   * sale is not in the view yet). Call before applying the event.
   */
  static List<LotId> lotsMentioned(LedgerEvent event, LedgerView view) {
    EventReferences r = event.references();
    List<LotId> out = new ArrayList<>(r.lots());
    for (SaleId sale : r.sales()) {
      view.sale(sale).ifPresent(s -> out.add(s.lotId()));
    }
    return out;
  }
}
