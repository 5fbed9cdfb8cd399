package net.suyuan.ledger.api.read;

import io.r2dbc.spi.Readable;
import java.util.List;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.id.LotId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Read-only queries on the configured ledger's entries ({@link LedgerInfo}). Every multi-row read
 * is a keyset page ({@code seq > after ORDER BY seq LIMIT n}) on the primary key, so no query's
 * cost or memory grows with the table.
 */
@Repository
class EntryStore {

  private static final String COLUMNS = "seq, canonical, hash";

  private final DatabaseClient db;
  private final String ledgerId;

  EntryStore(DatabaseClient db, LedgerInfo ledger) {
    this.db = db;
    this.ledgerId = ledger.ledgerId();
  }

  String ledgerId() {
    return ledgerId;
  }

  Mono<StoredEntry> find(long seq) {
    return db.sql("SELECT " + COLUMNS + " FROM entry WHERE ledger_id = :ledger AND seq = :seq")
        .bind("ledger", ledgerId)
        .bind("seq", seq)
        .map(EntryStore::toEntry)
        .one();
  }

  /** Up to {@code limit} entries with seq greater than {@code after}, in seq order. */
  Mono<List<StoredEntry>> page(long after, int limit) {
    return db.sql(
            "SELECT "
                + COLUMNS
                + " FROM entry WHERE ledger_id = :ledger AND seq > :after ORDER BY seq LIMIT :limit")
        .bind("ledger", ledgerId)
        .bind("after", after)
        .bind("limit", limit)
        .map(EntryStore::toEntry)
        .all()
        .collectList();
  }

  /**
   * Up to {@code limit} entries mentioning {@code lot} (per {@code entry_lot}) with seq greater
   * than {@code after}, in seq order; served by entry_lot's primary key (ledger_id, lot_id, seq).
   */
  Mono<List<StoredEntry>> lotPage(LotId lot, long after, int limit) {
    return db.sql(
            "SELECT e.seq, e.canonical, e.hash FROM entry_lot l JOIN entry e"
                + " ON e.ledger_id = l.ledger_id AND e.seq = l.seq"
                + " WHERE l.ledger_id = :ledger AND l.lot_id = :lot AND l.seq > :after"
                + " ORDER BY l.seq LIMIT :limit")
        .bind("ledger", ledgerId)
        .bind("lot", lot.value())
        .bind("after", after)
        .bind("limit", limit)
        .map(EntryStore::toEntry)
        .all()
        .collectList();
  }

  /** The GTIN of the product a lot holds, if the ledger has the lot. */
  Mono<String> lotGtin(LotId lot) {
    return db.sql("SELECT gtin FROM lot WHERE ledger_id = :ledger AND lot_id = :lot")
        .bind("ledger", ledgerId)
        .bind("lot", lot.value())
        .map(row -> row.get(0, String.class))
        .one();
  }

  /**
   * All entries after {@code after} as consecutive keyset pages of {@code pageSize}. The next page
   * is queried only when the subscriber asks for it (back-pressure), and the stream ends at the
   * first short page. Memory is bounded by the pages in flight, whatever the table's size.
   */
  Flux<List<StoredEntry>> pagesAfter(long after, int pageSize) {
    return page(after, pageSize)
        .filter(p -> !p.isEmpty())
        .expand(
            p ->
                p.size() < pageSize
                    ? Mono.empty()
                    : page(p.get(p.size() - 1).seq(), pageSize).filter(next -> !next.isEmpty()));
  }

  private static StoredEntry toEntry(Readable row) {
    return new StoredEntry(
        row.get(0, Long.class), row.get(1, byte[].class), row.get(2, byte[].class));
  }
}
