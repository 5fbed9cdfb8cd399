package net.suyuan.ledger.api.provenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.event.EventReferences;
import net.suyuan.ledger.core.event.LedgerEvent;

/**
 * The registrations the shown entries refer to: production bases and standard versions, as each
 * entry's event names them ({@link LedgerEvent#references()}), from the event the store read once
 * ({@link StoredEvent}): an entry whose bytes are not a valid event (altered in the database) names
 * nothing here, is not indexed by {@link ProvenanceBuilder} either, and fails its own check.
 */
record References(String[] baseIds, String[] standardIds, Integer[] standardVersions) {

  static References of(List<ProvenanceStore.Row> rows) {
    Set<String> bases = new LinkedHashSet<>();
    Set<EventReferences.StandardVersion> standards = new LinkedHashSet<>();
    for (ProvenanceStore.Row row : rows) {
      LedgerEvent event = row.stored().event();
      if (event != null) {
        EventReferences refs = event.references();
        refs.sites().forEach(b -> bases.add(b.value()));
        standards.addAll(refs.standards());
      }
    }
    List<String> ids = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    for (EventReferences.StandardVersion s : standards) {
      ids.add(s.standardId().value());
      versions.add(s.version());
    }
    return new References(
        bases.toArray(String[]::new), ids.toArray(String[]::new), versions.toArray(Integer[]::new));
  }

  boolean isEmpty() {
    return baseIds.length == 0 && standardIds.length == 0;
  }
}
