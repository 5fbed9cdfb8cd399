package net.suyuan.ledger.api.provenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.event.EventReferences;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;

/**
 * The registrations the shown entries refer to: production bases and standard versions, as each
 * entry's event names them ({@link LedgerEvent#references()}). Read leniently from the stored
 * bytes: an entry whose bytes are not a valid event (altered in the database) names nothing here,
 * is not indexed by {@link ProvenanceBuilder} either, and fails its own check.
 */
record References(String[] baseIds, String[] standardIds, Integer[] standardVersions) {

  static References of(List<ProvenanceStore.Row> rows) {
    Set<String> bases = new LinkedHashSet<>();
    Set<EventReferences.StandardVersion> standards = new LinkedHashSet<>();
    for (ProvenanceStore.Row row : rows) {
      LedgerEvent event = event(row.canonical());
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

  /** The entry's event, or null when its bytes are not one. */
  private static LedgerEvent event(byte[] canonical) {
    try {
      return JsonParser.parse(canonical) instanceof JsonObject entry
              && entry.get("type").orElse(null) instanceof JsonString type
              && entry.get("body").orElse(null) instanceof JsonObject body
          ? EventTypes.parse(type.value(), body)
          : null;
    } catch (Exception e) { // not JSON, or not a valid event of its type
      return null;
    }
  }
}
