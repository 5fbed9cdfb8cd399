package net.suyuan.ledger.api.append;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.hash.EntryHash;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * One commit group in ONE transaction: lock the ledger row ({@code FOR UPDATE}, which serializes
 * appends of every API instance on this database), read the head, look up idempotency keys and the
 * state rows the events refer to, plan ({@link GroupPlanner}), then insert entries, entry_lot rows,
 * projections and idempotency rows and move the head. Nothing is visible before COMMIT, and a
 * failure rolls everything back.
 *
 * <p>When the group before it is still writing, the reads and the plan happen before the lock,
 * against the state that group leaves ({@link Basis}); the plan is kept only if the lock then finds
 * the head it was made for, else the group reads and plans again under the lock.
 */
final class GroupCommit {
  private final DatabaseClient db;
  private final TransactionalOperator tx;
  private final LedgerInfo ledger;
  private final EventValidator validator;
  private final Clock clock;
  private final Counter plannedAhead;
  private final Counter discarded;
  private final Counter plannedLocked;

  /**
   * @param meters counts groups by how they were planned: {@code ledger.append.groups{plan=ahead |
   *     discarded | locked}}
   */
  GroupCommit(
      DatabaseClient db,
      TransactionalOperator tx,
      LedgerInfo ledger,
      EventValidator validator,
      Clock clock,
      MeterRegistry meters) {
    this.db = db;
    this.tx = tx;
    this.ledger = ledger;
    this.validator = validator;
    this.clock = clock;
    this.plannedAhead = groups(meters, "ahead");
    this.discarded = groups(meters, "discarded");
    this.plannedLocked = groups(meters, "locked");
  }

  private static Counter groups(MeterRegistry meters, String plan) {
    return Counter.builder("ledger.append.groups")
        .tag("plan", plan)
        .description(
            "Commit groups by how they were planned: ahead (before the lock, kept), discarded"
                + " (before the lock, then again under it), locked (under the lock)")
        .register(meters);
  }

  private record Head(ChainHead head, Instant ts) {}

  /**
   * What a planned group leaves for the group after it, which plans against it while this one is
   * still writing: the head it started from and the head it will leave, the validation state after
   * its events, and the idempotency rows it writes. Read-only once published.
   */
  record Basis(
      ChainHead start,
      ChainHead head,
      Instant headTs,
      StateOverlay state,
      Map<IdempotencyRows.Key, IdempotencyRows.Row> keys) {}

  /** A plan made before the lock, valid only if the lock finds {@code expected} as the head. */
  private record Speculation(
      ChainHead expected, GroupPlanner.Plan plan, StateOverlay state, ChainHead newHead) {}

  /** One outcome per command, in order. */
  Mono<List<GroupOutcome>> run(List<AppendCommand> commands) {
    return run(commands, Mono.empty(), basis -> {});
  }

  /**
   * One outcome per command, in order.
   *
   * @param previous the basis of the group still running when this one started, if the appender
   *     overlaps them (after a large group; {@link GroupCommitAppender}): when it arrives, this
   *     group reads its rows and plans before taking the lock (docs/storage.md, "Pipelined
   *     groups"), and keeps that plan only if the lock finds the head the previous group left
   * @param planned receives this group's basis once it is planned, before it writes
   */
  Mono<List<GroupOutcome>> run(
      List<AppendCommand> commands, Mono<Basis> previous, Consumer<Basis> planned) {
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
        previous
            .flatMap(basis -> speculate(commands, keys, refs, basis))
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(
                speculation ->
                    lockHead()
                        .flatMap(
                            head -> {
                              if (speculation.isPresent()
                                  && speculation.get().expected().equals(head.head())) {
                                plannedAhead.increment();
                                return publishAndWrite(speculation.get(), head, planned);
                              }
                              (speculation.isPresent() ? discarded : plannedLocked).increment();
                              return planLocked(commands, keys, refs, head, planned);
                            }));
    return work.as(tx::transactional);
  }

  /** The plan made under the lock: read the rows the group names, plan, publish, write. */
  private Mono<List<GroupOutcome>> planLocked(
      List<AppendCommand> commands,
      List<IdempotencyRows.Key> keys,
      EventKeys refs,
      Head head,
      Consumer<Basis> planned) {
    return loadRows(keys, refs)
        .flatMap(
            t ->
                publishAndWrite(
                    plan(commands, t.getT1(), t.getT2(), head.head(), head.ts()), head, planned));
  }

  /** The stored idempotency rows and the state rows the group names, read in two statements. */
  private Mono<Tuple2<Map<IdempotencyRows.Key, IdempotencyRows.Row>, StateOverlay>> loadRows(
      List<IdempotencyRows.Key> keys, EventKeys refs) {
    String id = ledger.ledgerId();
    return IdempotencyRows.load(db, id, keys)
        .flatMap(stored -> StateRows.load(db, id, refs).map(s -> Tuples.of(stored, s)));
  }

  /** Plans the group from {@code from} (recorded at {@code fromTs}) over the given rows. */
  private Speculation plan(
      List<AppendCommand> commands,
      Map<IdempotencyRows.Key, IdempotencyRows.Row> known,
      StateOverlay state,
      ChainHead from,
      Instant fromTs) {
    ChainWriter writer = new ChainWriter(ledger.alg(), from, fromTs, clock);
    GroupPlanner.Plan plan =
        GroupPlanner.plan(commands, known, state, writer, validator, clock.instant());
    return new Speculation(from, plan, state, writer.head());
  }

  private Mono<List<GroupOutcome>> publishAndWrite(
      Speculation sp, Head locked, Consumer<Basis> planned) {
    GroupPlanner.Plan plan = sp.plan();
    Instant headTs =
        plan.entries().isEmpty()
            ? locked.ts()
            : plan.entries().get(plan.entries().size() - 1).entry().ts();
    Map<IdempotencyRows.Key, IdempotencyRows.Row> written = new HashMap<>();
    plan.keys().forEach(row -> written.put(row.key(), row));
    Mono<Void> write = write(plan, sp.state(), sp.newHead()); // statements built here, then run
    planned.accept(new Basis(locked.head(), sp.newHead(), headTs, sp.state(), written));
    return write.thenReturn(plan.outcomes());
  }

  /**
   * Plans the group before taking the lock, while the previous group writes. The rows are read in
   * several statements, each with its own snapshot, between two reads of the head: only if both
   * reads find the same head are the rows one consistent state (every append that changes a row
   * also moves the head). If that head is the one the previous group started from, the previous
   * group has not committed yet and its state after its events is laid over the rows read; if it is
   * any other head, the rows stand alone. Empty when the two reads differ.
   */
  private Mono<Speculation> speculate(
      List<AppendCommand> commands,
      List<IdempotencyRows.Key> keys,
      EventKeys refs,
      Basis previous) {
    return readHead()
        .flatMap(
            before ->
                loadRows(keys, refs)
                    .flatMap(
                        t ->
                            readHead()
                                .filter(after -> after.head().equals(before.head()))
                                .map(after -> planOver(commands, t, before, previous))));
  }

  /** The plan over rows read at head {@code at}, laid under the previous group if it is behind. */
  private Speculation planOver(
      List<AppendCommand> commands,
      Tuple2<Map<IdempotencyRows.Key, IdempotencyRows.Row>, StateOverlay> rows,
      Head at,
      Basis previous) {
    Map<IdempotencyRows.Key, IdempotencyRows.Row> known = new HashMap<>(rows.getT1());
    StateOverlay state = rows.getT2();
    if (!at.head().equals(previous.start())) {
      return plan(commands, known, state, at.head(), at.ts());
    }
    state.overlay(previous.state());
    known.putAll(previous.keys());
    return plan(commands, known, state, previous.head(), previous.headTs());
  }

  /** The head as last committed, without a lock (for {@link #speculate}). */
  private Mono<Head> readHead() {
    return head("SELECT head_seq, head_hash, head_ts FROM ledger WHERE ledger_id = $1");
  }

  /**
   * Locks the ledger row, then reads the head entry's time in a second statement: under READ
   * COMMITTED each statement takes a fresh snapshot, so after waiting for another instance's commit
   * the new head entry is visible (a join in the locking statement would re-check the lock row
   * against the old snapshot's entry and find nothing).
   */
  private Mono<Head> lockHead() {
    return head("SELECT head_seq, head_hash, head_ts FROM ledger WHERE ledger_id = $1 FOR UPDATE");
  }

  private Mono<Head> head(String sql) {
    String id = ledger.ledgerId();
    return db.sql(sql)
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
