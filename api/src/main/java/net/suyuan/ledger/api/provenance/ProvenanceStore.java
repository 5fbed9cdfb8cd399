package net.suyuan.ledger.api.provenance;

import io.r2dbc.spi.Readable;
import java.util.List;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.id.LotId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The two queries behind a lot's provenance. The first (one statement, one snapshot) walks the
 * lineage with recursive CTEs over the derived lot tables, selects the entries to show, and returns
 * each with its neighbours' canonical bytes so every entry can be verified (hash recomputed, link
 * to the previous entry and from the next entry confirmed), together with the ledger's head. The
 * second fetches, the same way, the site and standard registrations the shown entries refer to.
 *
 * <p>Neither query reads an entry's JSON: the walk follows {@code lot.created_seq} and {@code
 * entry_lot}, written with the entry in the append transaction (V5 indexes them for the walk). So
 * an entry altered in the database, even into bytes that are not JSON, cannot break the query: it
 * is returned like any other and fails its check on the page.
 *
 * <p>Upstream: a lot made by a transformation at seq T (its {@code created_seq}) came from the
 * other lots that entry mentions, which existed before T, recursively, down to harvest lots.
 * Downstream: an entry that mentions a lot after the lot's creation and creates lots is a
 * transformation with the lot among its inputs; those lots were made from it, recursively. Shown:
 * for upstream lots the entries that say where they came from and what was done to them
 * (deliveries, production, inspection, the transformation that made them); for the lot and its
 * downstream lots every entry mentioning them (including their sales); plus the registrations they
 * refer to (product, sites, standard versions).
 *
 * <p>Bounded (issue 11 defect 1: a lot with 200,000 entries ran the server out of memory): at most
 * {@code ledger.provenance.max-entries} entries (default 1000) are returned, in this order, each
 * group oldest first: the entry that made the lot itself; the product registration, the
 * transformations and the inspections; deliveries and production; sales and refunds last. So the
 * lineage is kept before the deliveries and sales of a busy lot; {@link Rows#omitted} says how many
 * were left out. Every entry of a lot is paged at {@code /api/v1/lots/{lotId}/events}.
 */
@Repository
class ProvenanceStore {

  static final int MAX_DEPTH = 64;

  private static final String LINEAGE_SQL =
      """
      WITH RECURSIVE
      up(lot_id, depth) AS (
        SELECT lot_id, 0 FROM lot WHERE ledger_id = $1 AND lot_id = $2
        UNION
        SELECT il.lot_id, up.depth + 1
        FROM up
        JOIN lot l ON l.ledger_id = $1 AND l.lot_id = up.lot_id AND NOT l.harvest_lot
        JOIN entry_lot el ON el.ledger_id = $1 AND el.seq = l.created_seq
        JOIN lot il ON il.ledger_id = $1 AND il.lot_id = el.lot_id AND il.created_seq < el.seq
        WHERE up.depth < $3
      ),
      down(lot_id, depth) AS (
        SELECT lot_id, 0 FROM lot WHERE ledger_id = $1 AND lot_id = $2
        UNION
        SELECT ol.lot_id, down.depth + 1
        FROM down
        JOIN lot dl ON dl.ledger_id = $1 AND dl.lot_id = down.lot_id
        JOIN entry_lot el ON el.ledger_id = $1 AND el.lot_id = down.lot_id
                         AND el.seq > dl.created_seq
        JOIN lot ol ON ol.ledger_id = $1 AND ol.created_seq = el.seq
        WHERE down.depth < $3
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
        SELECT el.seq, e.type
        FROM lots
        JOIN entry_lot el ON el.ledger_id = $1 AND el.lot_id = lots.lot_id
        JOIN entry e ON e.ledger_id = $1 AND e.seq = el.seq
        WHERE NOT lots.upstream
           OR e.type IN ('harvest.delivered', 'production.recorded', 'inspection.recorded')
           OR el.seq IN (SELECT seq FROM makers)
        UNION
        SELECT p.seq, 'product.registered' FROM product p
        WHERE p.ledger_id = $1
          AND p.gtin IN (SELECT l.gtin FROM lot l JOIN lots USING (lot_id) WHERE l.ledger_id = $1)
      ),
      kept AS (
        SELECT seq FROM shown
        ORDER BY CASE
            WHEN seq = (SELECT created_seq FROM lot WHERE ledger_id = $1 AND lot_id = $2) THEN 0
            WHEN type IN ('product.registered', 'lot.transformed', 'inspection.recorded') THEN 1
            WHEN type IN ('sale.recorded', 'sale.refunded') THEN 3
            ELSE 2
          END, seq
        LIMIT $4
      )
      SELECT e.seq, e.canonical, e.hash, p.canonical, n.canonical,
             g.hash_alg, g.head_seq, g.head_hash, (SELECT count(*) FROM shown) AS total
      FROM ledger g
      LEFT JOIN kept r ON true
      LEFT JOIN entry e ON e.ledger_id = $1 AND e.seq = r.seq
      LEFT JOIN entry p ON p.ledger_id = $1 AND p.seq = e.seq - 1
      LEFT JOIN entry n ON n.ledger_id = $1 AND n.seq = e.seq + 1
      WHERE g.ledger_id = $1
      ORDER BY e.seq
      """;

  /** Site and standard-version registrations by key ($2 base ids, $3/$4 standard ids/versions). */
  private static final String REFERENCES_SQL =
      """
      WITH refs AS (
        SELECT s.seq FROM site s WHERE s.ledger_id = $1 AND s.base_id = ANY($2)
        UNION
        SELECT v.seq FROM standard_version v
        JOIN unnest($3::text[], $4::int[]) AS k(standard_id, version)
          ON v.standard_id = k.standard_id AND v.version = k.version
        WHERE v.ledger_id = $1
      )
      SELECT e.seq, e.canonical, e.hash, p.canonical, n.canonical
      FROM refs r
      JOIN entry e ON e.ledger_id = $1 AND e.seq = r.seq
      LEFT JOIN entry p ON p.ledger_id = $1 AND p.seq = e.seq - 1
      LEFT JOIN entry n ON n.ledger_id = $1 AND n.seq = e.seq + 1
      ORDER BY e.seq
      """;

  private final DatabaseClient db;
  private final String ledgerId;
  private final int maxEntries;

  ProvenanceStore(DatabaseClient db, LedgerInfo ledger, ProvenanceProperties properties) {
    this.db = db;
    this.ledgerId = ledger.ledgerId();
    this.maxEntries = properties.maxEntries();
  }

  /**
   * The entries to show for {@code lot} with what is needed to verify them. Empty entries when the
   * ledger has no such lot (the ledger row itself always comes back, with its head).
   */
  Mono<Rows> load(LotId lot) {
    return db.sql(LINEAGE_SQL)
        .bind(0, ledgerId)
        .bind(1, lot.value())
        .bind(2, MAX_DEPTH)
        .bind(3, maxEntries)
        .map(ProvenanceStore::raw)
        .all()
        .collectList()
        .map(ProvenanceStore::rows)
        .flatMap(this::withReferences);
  }

  /** Adds the registrations of the sites and standard versions the shown entries name. */
  private Mono<Rows> withReferences(Rows rows) {
    References refs = References.of(rows.entries());
    if (refs.isEmpty()) {
      return Mono.just(rows);
    }
    return db.sql(REFERENCES_SQL)
        .bind(0, ledgerId)
        .bind(1, refs.baseIds())
        .bind(2, refs.standardIds())
        .bind(3, refs.standardVersions())
        .map(ProvenanceStore::row)
        .all()
        .collectList()
        .map(found -> rows.with(found));
  }

  /**
   * One shown entry with its neighbours ({@code null} where there is none), and its bytes read once
   * ({@link StoredEvent}) for both the references and the page.
   */
  record Row(
      long seq,
      byte[] canonical,
      byte[] hash,
      byte[] prevCanonical,
      byte[] nextCanonical,
      StoredEvent stored) {
    Row(long seq, byte[] canonical, byte[] hash, byte[] prevCanonical, byte[] nextCanonical) {
      this(seq, canonical, hash, prevCanonical, nextCanonical, StoredEvent.read(canonical));
    }
  }

  /**
   * The shown entries in seq order and the ledger's head at the time of the query.
   *
   * @param omitted entries of the lineage left out by the cap (0 when all are shown)
   */
  record Rows(String hashAlg, long headSeq, byte[] headHash, List<Row> entries, long omitted) {
    /** These rows and {@code more}, each seq once, in seq order. */
    Rows with(List<Row> more) {
      java.util.TreeMap<Long, Row> bySeq = new java.util.TreeMap<>();
      entries.forEach(r -> bySeq.put(r.seq(), r));
      more.forEach(r -> bySeq.putIfAbsent(r.seq(), r));
      return new Rows(hashAlg, headSeq, headHash, List.copyOf(bySeq.values()), omitted);
    }
  }

  private record Raw(Row row, String hashAlg, long headSeq, byte[] headHash, long total) {}

  private static Raw raw(Readable r) {
    Row row = r.get(0, Long.class) == null ? null : row(r);
    return new Raw(
        row,
        r.get(5, String.class),
        r.get(6, Long.class),
        r.get(7, byte[].class),
        r.get(8, Long.class));
  }

  private static Row row(Readable r) {
    return new Row(
        r.get(0, Long.class),
        r.get(1, byte[].class),
        r.get(2, byte[].class),
        r.get(3, byte[].class),
        r.get(4, byte[].class));
  }

  private static Rows rows(List<Raw> raws) {
    if (raws.isEmpty()) {
      throw new IllegalStateException("the ledger row is missing");
    }
    Raw first = raws.get(0);
    List<Row> entries = raws.stream().map(Raw::row).filter(r -> r != null).toList();
    return new Rows(
        first.hashAlg(),
        first.headSeq(),
        first.headHash(),
        entries,
        Math.max(0, first.total() - entries.size()));
  }
}
