package net.suyuan.ledger.api.append;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Makes sure the configured ledger exists: creates the ledger row and its genesis entry in one
 * transaction. Two instances starting at once are safe: the second INSERT waits on the primary key
 * of the first and then does nothing ({@code ON CONFLICT DO NOTHING}), so exactly one genesis is
 * written. The hash algorithm is fixed at creation; a different configured one is ignored with a
 * warning.
 */
final class LedgerBootstrap {
  /** Actor of the genesis entry. */
  static final String GENESIS_ACTOR = "admin";

  private static final Logger log = LoggerFactory.getLogger(LedgerBootstrap.class);

  private LedgerBootstrap() {}

  static LedgerInfo ensure(
      DatabaseClient db,
      TransactionalOperator tx,
      String ledgerId,
      HashAlg configured,
      Clock clock) {
    SealedEntry genesis =
        ChainWriter.genesis(ledgerId, configured, GENESIS_ACTOR, JsonObject.empty(), clock);
    Mono<Boolean> create =
        db.sql(
                "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash)"
                    + " VALUES (:id, :alg, 0, :hash) ON CONFLICT (ledger_id) DO NOTHING")
            .bind("id", ledgerId)
            .bind("alg", configured.id())
            .bind("hash", ByteBuffer.wrap(genesis.hash().bytes()))
            .fetch()
            .rowsUpdated()
            .flatMap(
                n ->
                    n == 1
                        ? EntryRows.insert(db, ledgerId, List.of(genesis)).thenReturn(true)
                        : Mono.just(false));
    boolean created = Boolean.TRUE.equals(create.as(tx::transactional).block());
    String stored =
        db.sql("SELECT hash_alg FROM ledger WHERE ledger_id = :id")
            .bind("id", ledgerId)
            .map(row -> row.get("hash_alg", String.class))
            .one()
            .block();
    HashAlg alg =
        HashAlg.fromId(stored)
            .orElseThrow(() -> new IllegalStateException("unknown stored hash_alg " + stored));
    if (created) {
      log.info("Created ledger '{}' ({}) with genesis {}", ledgerId, alg.id(), genesis.hash());
    } else if (alg != configured) {
      log.warn(
          "Ledger '{}' uses {} since its creation; the configured {} is ignored",
          ledgerId,
          alg.id(),
          configured.id());
    } else {
      log.info("Using ledger '{}' ({})", ledgerId, alg.id());
    }
    return new LedgerInfo(ledgerId, alg);
  }
}
