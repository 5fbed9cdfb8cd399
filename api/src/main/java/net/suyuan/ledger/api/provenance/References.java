package net.suyuan.ledger.api.provenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * The registrations the shown entries refer to: production bases ({@code body.baseId}) and standard
 * versions ({@code body.standardId} with {@code body.standardVersion}). Read leniently from the
 * stored bytes: an entry that does not parse names nothing here (and fails its own check).
 */
record References(String[] baseIds, String[] standardIds, Integer[] standardVersions) {

  static References of(List<ProvenanceStore.Row> rows) {
    Set<String> bases = new LinkedHashSet<>();
    Set<String> standards = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    for (ProvenanceStore.Row row : rows) {
      JsonObject body = body(row.canonical());
      if (body == null) {
        continue;
      }
      if (body.get("baseId").orElse(null) instanceof JsonString base) {
        bases.add(base.value());
      }
      if (body.get("standardId").orElse(null) instanceof JsonString id
          && body.get("standardVersion").orElse(null) instanceof JsonNumber n
          && n.isSafeInteger()
          && Math.abs(n.longValueExact()) <= Integer.MAX_VALUE
          && standards.add(id.value() + "#" + n.longValueExact())) {
        ids.add(id.value());
        versions.add((int) n.longValueExact());
      }
    }
    return new References(
        bases.toArray(String[]::new), ids.toArray(String[]::new), versions.toArray(Integer[]::new));
  }

  boolean isEmpty() {
    return baseIds.length == 0 && standardIds.length == 0;
  }

  private static JsonObject body(byte[] canonical) {
    try {
      JsonValue entry = JsonParser.parse(canonical);
      return entry instanceof JsonObject o && o.get("body").orElse(null) instanceof JsonObject b
          ? b
          : null;
    } catch (JsonParseException | RuntimeException e) {
      return null;
    }
  }
}
