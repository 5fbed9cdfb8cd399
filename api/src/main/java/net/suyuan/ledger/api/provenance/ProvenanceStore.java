package net.suyuan.ledger.api.provenance;

import io.r2dbc.spi.Readable;
import java.util.List;
import net.suyuan.ledger.core.id.LotId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The one query behind a lot's provenance: in a single statement (one round trip, one snapshot) it
 * walks the lineage with recursive CTEs over the transformation entries, selects the entries to
 * show, and returns each with its neighbours' canonical bytes so every entry can be verified (hash
 * recomputed, link to the previous entry and from the next entry confirmed).
 *
 * <p>Upstream: a lot made by {@code lot.transformed} (lot.created_seq) came from that entry's
 * inputs, recursively, to harvest lots. Downstream: transformations that list the lot among their
 * inputs made their outputs from it, recursively. Shown: for upstream lots the entries that say
 * where they came from and what was done to them (deliveries, production, inspection, the
 * transformation that made them); for the lot and its downstream lots every entry mentioning them
 * (including their sales); plus the registrations they refer to (product, sites, standard
 * versions).
 */
@Repository
class ProvenanceStore {

  static final int MAX_DEPTH = 64;

  private static final String SQL =
      """
      WITH RECURSIVE
      up(lot_id, depth) AS (
        SELECT lot_id, 0 FROM lot WHERE ledger_id = $1 AND lot_id = $2
        UNION
        SELECT i.value ->> 'lotId', up.depth + 1
        FROM up
        JOIN lot l ON l.ledger_id = $1 AND l.lot_id = up.lot_id AND NOT l.harvest_lot
        JOIN entry e ON e.ledger_id = $1 AND e.seq = l.created_seq
        CROSS JOIN LATERAL jsonb_array_elements(
            convert_from(e.canonical, 'UTF8')::jsonb -> 'body' -> 'inputs') i
        WHERE up.depth < $3
      ),
      down(lot_id, depth) AS (
        SELECT lot_id, 0 FROM lot WHERE ledger_id = $1 AND lot_id = $2
        UNION
        SELECT o.value ->> 'lotId', down.depth + 1
        FROM down
        JOIN entry_lot el ON el.ledger_id = $1 AND el.lot_id = down.lot_id
        JOIN entry e ON e.ledger_id = $1 AND e.seq = el.seq AND e.type = 'lot.transformed'
        CROSS JOIN LATERAL (SELECT convert_from(e.canonical, 'UTF8')::jsonb -> 'body' AS b) t
        CROSS JOIN LATERAL jsonb_array_elements(t.b -> 'outputs') o
        WHERE down.depth < $3
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(t.b -> 'inputs') x
                      WHERE x.value ->> 'lotId' = down.lot_id)
      ),
      lots AS (
        SELECT lot_id, true AS upstream FROM up WHERE depth > 0
        UNION
        SELECT lot_id, false FROM down
      ),
      makers AS (
        SELECT l.created_seq AS seq FROM lot l JOIN lots USING (lot_id) WHERE l.ledger_id = $1
      ),
      shown AS (
        SELECT el.seq
        FROM lots
        JOIN entry_lot el ON el.ledger_id = $1 AND el.lot_id = lots.lot_id
        JOIN entry e ON e.ledger_id = $1 AND e.seq = el.seq
        WHERE NOT lots.upstream
           OR e.type IN ('harvest.delivered', 'production.recorded', 'inspection.recorded')
           OR el.seq IN (SELECT seq FROM makers)
      ),
      bodies AS (
        SELECT convert_from(e.canonical, 'UTF8')::jsonb -> 'body' AS b
        FROM entry e WHERE e.ledger_id = $1 AND e.seq IN (SELECT seq FROM shown)
      ),
      refs AS (
        SELECT seq FROM shown
        UNION
        SELECT p.seq FROM product p
        WHERE p.ledger_id = $1
          AND p.gtin IN (SELECT l.gtin FROM lot l JOIN lots USING (lot_id) WHERE l.ledger_id = $1)
        UNION
        SELECT s.seq FROM site s
        WHERE s.ledger_id = $1 AND s.base_id IN (SELECT b ->> 'baseId' FROM bodies)
        UNION
        SELECT v.seq FROM standard_version v JOIN bodies
          ON v.standard_id = b ->> 'standardId' AND v.version = (b ->> 'standardVersion')::int
        WHERE v.ledger_id = $1
      )
      SELECT e.seq, e.canonical, e.hash, p.canonical, n.canonical,
             g.hash_alg, g.head_seq, g.head_hash
      FROM ledger g
      LEFT JOIN refs r ON true
      LEFT JOIN entry e ON e.ledger_id = $1 AND e.seq = r.seq
      LEFT JOIN entry p ON p.ledger_id = $1 AND p.seq = e.seq - 1
      LEFT JOIN entry n ON n.ledger_id = $1 AND n.seq = e.seq + 1
      WHERE g.ledger_id = $1
      ORDER BY e.seq
      """;

  private final DatabaseClient db;
  private final String ledgerId;

  ProvenanceStore(DatabaseClient db, @Value("${ledger.id:main}") String ledgerId) {
    this.db = db;
    this.ledgerId = ledgerId;
  }

  /**
   * The entries to show for {@code lot} with what is needed to verify them. Empty entries when the
   * ledger has no such lot (the ledger row itself always comes back, with its head).
   */
  Mono<Rows> load(LotId lot) {
    return db.sql(SQL)
        .bind(0, ledgerId)
        .bind(1, lot.value())
        .bind(2, MAX_DEPTH)
        .map(ProvenanceStore::row)
        .all()
        .collectList()
        .map(ProvenanceStore::rows);
  }

  /** One shown entry with its neighbours ({@code null} where there is none). */
  record Row(long seq, byte[] canonical, byte[] hash, byte[] prevCanonical, byte[] nextCanonical) {}

  /** The shown entries in seq order and the ledger's head at the time of the query. */
  record Rows(String hashAlg, long headSeq, byte[] headHash, List<Row> entries) {}

  private record Raw(Row row, String hashAlg, long headSeq, byte[] headHash) {}

  private static Raw row(Readable r) {
    Long seq = r.get(0, Long.class);
    Row row =
        seq == null
            ? null
            : new Row(
                seq,
                r.get(1, byte[].class),
                r.get(2, byte[].class),
                r.get(3, byte[].class),
                r.get(4, byte[].class));
    return new Raw(row, r.get(5, String.class), r.get(6, Long.class), r.get(7, byte[].class));
  }

  private static Rows rows(List<Raw> raws) {
    if (raws.isEmpty()) {
      throw new IllegalStateException("the ledger row is missing");
    }
    Raw first = raws.get(0);
    List<Row> entries = raws.stream().map(Raw::row).filter(r -> r != null).toList();
    return new Rows(first.hashAlg(), first.headSeq(), first.headHash(), entries);
  }
}
