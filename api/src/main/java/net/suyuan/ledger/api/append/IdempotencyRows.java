package net.suyuan.ledger.api.append;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The idempotency table, read and written inside the commit group's transaction. Because every
 * group holds the ledger row lock, a key inserted by one group is visible to the next one on any
 * instance, so a retry can never append twice; the primary key backs that up.
 */
final class IdempotencyRows {
  private static final HexFormat HEX = HexFormat.of();

  record Key(String orgId, String idemKey) {}

  record Row(Key key, byte[] requestHash, List<Receipt> receipts) {}

  private IdempotencyRows() {}

  static Mono<Map<Key, Row>> load(DatabaseClient db, String ledger, List<Key> keys) {
    if (keys.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql(
            "SELECT i.org_id, i.idem_key, encode(i.request_hash, 'hex'), i.response::text"
                + " FROM idempotency i JOIN unnest($2::text[], $3::text[]) AS k(org, idem)"
                + " ON i.org_id = k.org AND i.idem_key = k.idem WHERE i.ledger_id = $1")
        .bind(0, ledger)
        .bind(1, keys.stream().map(Key::orgId).toArray(String[]::new))
        .bind(2, keys.stream().map(Key::idemKey).toArray(String[]::new))
        .map(
            r ->
                new Row(
                    new Key(r.get(0, String.class), r.get(1, String.class)),
                    HEX.parseHex(r.get(2, String.class)),
                    receipts(r.get(3, String.class))))
        .all()
        .collectMap(Row::key, row -> row, HashMap::new)
        .map(m -> (Map<Key, Row>) m);
  }

  /** The insert of {@code rows} as one write of a group; null when there are none. */
  static Stmt insert(List<Row> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    return new Stmt(
        "INSERT INTO idempotency (ledger_id, org_id, idem_key, request_hash, response)"
            + " SELECT $1, u.o, u.k, decode(u.h, 'hex'), u.r::jsonb"
            + " FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS u(o, k, h, r)",
        new Object[] {
          rows.stream().map(r -> r.key().orgId()).toArray(String[]::new),
          rows.stream().map(r -> r.key().idemKey()).toArray(String[]::new),
          rows.stream().map(r -> HEX.formatHex(r.requestHash())).toArray(String[]::new),
          rows.stream().map(r -> json(r.receipts())).toArray(String[]::new)
        });
  }

  /** The stored response: {@code {"receipts": [{seq, hash, ts, type}]}}. */
  static String json(List<Receipt> receipts) {
    List<JsonValue> items = new ArrayList<>(receipts.size());
    for (Receipt r : receipts) {
      items.add(
          JsonObject.builder()
              .put("seq", r.seq())
              .put("hash", r.hash())
              .put("ts", r.ts())
              .put("type", r.type())
              .build());
    }
    JsonObject body = JsonObject.builder().put("receipts", new JsonArray(items)).build();
    return new String(Jcs.canonicalize(body), UTF_8);
  }

  static List<Receipt> receipts(String json) {
    try {
      JsonObject body = (JsonObject) JsonParser.parse(json);
      JsonArray items = (JsonArray) body.get("receipts").orElseThrow();
      List<Receipt> out = new ArrayList<>(items.size());
      for (JsonValue item : items.values()) {
        JsonObject o = (JsonObject) item;
        out.add(
            new Receipt(
                ((JsonNumber) o.get("seq").orElseThrow()).longValueExact(),
                ((JsonString) o.get("hash").orElseThrow()).value(),
                ((JsonString) o.get("ts").orElseThrow()).value(),
                ((JsonString) o.get("type").orElseThrow()).value()));
      }
      return out;
    } catch (JsonParseException | ClassCastException | java.util.NoSuchElementException e) {
      throw new IllegalStateException("stored idempotent response is unreadable", e);
    }
  }
}
