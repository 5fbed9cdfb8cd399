package net.suyuan.ledger.api.append;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.hash.EntryHash;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * One commit group in ONE transaction: lock the ledger row ({@code FOR UPDATE}, which serializes
 * appends of every API instance on this database), read the head, look up idempotency keys and the
 * state rows the events refer to, plan ({@link GroupPlanner}), then insert entries, entry_lot rows,
 * projections and idempotency rows and move the head. Everything is read under the lock, so the
 * plan starts from the committed head and the state it leaves. Nothing is visible before COMMIT,
 * and a failure rolls everything back.
 */
final class GroupCommit {
  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final LedgerInfo ledger;
  private final EventValidator validator;
  private final Clock clock;

  GroupCommit(
      DatabaseClient db,
      TransactionalOperator tx,
      LedgerInfo ledger,
      EventValidator validator,
      Clock clock) {
    this.db = db;
    this.tx = tx;
    this.ledger = ledger;
    this.validator = validator;
    this.clock = clock;
  }

  private record Head(ChainHead head, Instant ts) {}

  /** One outcome per command, in order. */
  Mono<List<GroupOutcome>> run(List<AppendCommand> commands) {
    String id = ledger.ledgerId();
    List<IdempotencyRows.Key> keys = new ArrayList<>();
    EventKeys refs = new EventKeys();
    for (AppendCommand c : commands) {
      if (c.idempotencyKey() != null) {
        keys.add(new IdempotencyRows.Key(c.orgId(), c.idempotencyKey()));
      }
      c.events().forEach(refs::add);
    }
    Mono<List<GroupOutcome>> work =
        lockHead()
            .flatMap(
                head ->
                    IdempotencyRows.load(db, id, keys)
                        .flatMap(
                            known ->
                                StateRows.load(db, id, refs)
                                    .flatMap(state -> planAndWrite(commands, head, known, state))));
    return work.as(tx::transactional);
  }

  /** Plans the group from the locked head over the rows read under the lock, then writes it. */
  private Mono<List<GroupOutcome>> planAndWrite(
      List<AppendCommand> commands,
      Head head,
      Map<IdempotencyRows.Key, IdempotencyRows.Row> known,
      StateOverlay state) {
    ChainWriter writer = new ChainWriter(ledger.alg(), head.head(), head.ts(), clock);
    GroupPlanner.Plan plan =
        GroupPlanner.plan(commands, known, state, writer, validator, clock.instant());
    return write(plan, state, writer.head()).thenReturn(plan.outcomes());
  }

  /**
   * Locks the ledger row, then reads the head entry's time in a second statement: under READ
   * COMMITTED each statement takes a fresh snapshot, so after waiting for another instance's commit
   * the new head entry is visible (a join in the locking statement would re-check the lock row
   * against the old snapshot's entry and find nothing).
   */
  private Mono<Head> lockHead() {
    String id = ledger.ledgerId();
    return db.sql("SELECT head_seq, head_hash, head_ts FROM ledger WHERE ledger_id = $1 FOR UPDATE")
        .bind(0, id)
        .map(
            r -> {
              ByteBuffer hash = r.get(1, ByteBuffer.class);
              byte[] bytes = new byte[hash.remaining()];
              hash.get(bytes);
              ChainHead head = new ChainHead(r.get(0, Long.class), new EntryHash(bytes));
              return new Head(head, r.get(2, Instant.class)); // ts null before the first append
            })
        .one()
        .switchIfEmpty(Mono.error(new IllegalStateException("ledger " + id + " does not exist")))
        .flatMap(head -> head.ts() != null ? Mono.just(head) : headTsFromEntry(head.head()));
  }

  /**
   * The head entry's time from the entry table, for a ledger row written before head_ts existed (or
   * by a tool that does not set it). A separate statement, so it sees the committed head entry.
   */
  private Mono<Head> headTsFromEntry(ChainHead head) {
    String id = ledger.ledgerId();
    return db.sql("SELECT ts FROM entry WHERE ledger_id = $1 AND seq = $2")
        .bind(0, id)
        .bind(1, head.seq())
        .map(r -> new Head(head, r.get(0, Instant.class)))
        .one()
        .switchIfEmpty(
            Mono.error(
                new IllegalStateException(
                    "ledger " + id + " head entry " + head.seq() + " is missing")));
  }

  private Mono<Void> write(GroupPlanner.Plan plan, StateOverlay state, ChainHead newHead) {
    if (plan.entries().isEmpty()) {
      return Mono.empty(); // only replays and refusals: nothing to write
    }
    List<Stmt> writes = new ArrayList<>();
    writes.add(EntryRows.stmt(plan.entries()));
    if (!plan.entryLots().isEmpty()) {
      writes.add(entryLots(plan.entryLots(), plan.entries()));
    }
    writes.addAll(StateRows.writes(state));
    Stmt idempotency = IdempotencyRows.insert(plan.keys());
    if (idempotency != null) {
      writes.add(idempotency);
    }
    writes.add(
        new Stmt(
            "UPDATE ledger SET head_seq = $2, head_hash = $3, head_ts = $4 WHERE ledger_id = $1",
            new Object[] {
              newHead.seq(),
              ByteBuffer.wrap(newHead.hash().bytes()),
              plan.entries().get(plan.entries().size() - 1).entry().ts()
            }));
    return Stmt.runAll(db, ledger.ledgerId(), writes);
  }

  /**
   * The entry_lot rows of the group. They must name entries the same statement inserts: the table
   * has no foreign key (V6), so this check is what keeps the index pointing at real entries.
   */
  private static Stmt entryLots(List<GroupPlanner.LotRef> lots, List<SealedEntry> entries) {
    long first = entries.get(0).seq();
    long last = entries.get(entries.size() - 1).seq();
    for (GroupPlanner.LotRef lot : lots) {
      if (lot.seq() < first || lot.seq() > last) {
        throw new IllegalStateException(
            "entry_lot row for lot "
                + lot.lotId()
                + " names seq "
                + lot.seq()
                + ", outside the group's entries "
                + first
                + ".."
                + last);
      }
    }
    return new Stmt(
        "INSERT INTO entry_lot (ledger_id, lot_id, seq)"
            + " SELECT $1, * FROM unnest($2::text[], $3::bigint[])",
        new Object[] {
          lots.stream().map(GroupPlanner.LotRef::lotId).toArray(String[]::new),
          lots.stream().map(GroupPlanner.LotRef::seq).toArray(Long[]::new)
        });
  }
}
