package net.suyuan.ledger.api.income.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * {@link EntryScan} verified and with the entries' events read ahead, in parallel: the scanning
 * thread cuts the cursor's rows into chunks, a small pool verifies each chunk ({@link ChunkCheck}:
 * canonical bytes, seq, prev link, recomputed hash = stored hash, as the audit) and reads its
 * events ({@link EntryEvents}), and the scanning thread hands them to the visitor strictly in seq
 * order, so whatever the visitor keeps (the attribution) sees exactly the sequence a one-thread
 * scan gives. Verifying and reading are most of a replay's CPU; applying must stay in order and on
 * one thread.
 *
 * <p>A chunk is verified from the stored hash of the row before it; the chunk before checked that
 * stored hash against the recomputed one, so the chunks together verify exactly what one verifier
 * walking the whole chain would, and fail at the same first entry with the same evidence.
 *
 * <p><b>Vouched for.</b> An entry that verifies on its own may still have been rewritten with a
 * matching stored hash; only the entry after it (whose prev must name its hash) or the ledger head
 * (for the last entry) shows that. So an entry is delivered only once the next entry has verified,
 * or it is the ledger head and its hash is the head's; the scan reads one entry past what it
 * delivers. An entry whose hash does not match its stored hash still vouches for the one before it
 * (the verifier checked its prev first).
 *
 * <p>The scan stops at the first failure, after delivering exactly the vouched-for entries before
 * it, and returns it ({@link End}); a visitor that throws on an entry is a failure of kind {@code
 * event_rejected} at that entry. A scan of less than one chunk (a live projector step) verifies and
 * reads on the calling thread.
 */
public final class ParsedScan {
  public interface Visitor {
    void entry(long seq, String type, String actor, LedgerEvent event) throws SQLException;
  }

  /**
   * How a scan ended: the last entry delivered ({@code after} when none was) and the failure that
   * stopped it, null when it delivered everything it was asked for; {@code visitorFailed} when the
   * visitor threw on the failing entry (whatever it keeps may hold part of that entry).
   */
  public record End(ChainHead delivered, ProjectionFailure failure, boolean visitorFailed) {
    long deliveredSeq() {
      return delivered == null ? -1 : delivered.seq();
    }
  }

  static final int CHUNK = 1024;
  private static final int THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  private static final int IN_FLIGHT = 2 * THREADS;

  private ParsedScan() {}

  /**
   * Delivers the vouched-for entries with {@code after.seq < seq <= upTo}, at most {@code limit},
   * never beyond {@code ledgerHead} (read before the scan: every committed entry up to it is
   * visible, later ones are not yet vouched for).
   *
   * @param after the last entry already verified, null to start at the genesis entry
   * @param alg the ledger's hash algorithm (the genesis entry must name the same)
   */
  public static End scan(
      Connection c,
      String ledgerId,
      ChainHead after,
      HashAlg alg,
      ChainHead ledgerHead,
      long upTo,
      long limit,
      int fetchSize,
      Visitor v)
      throws SQLException {
    long afterSeq = after == null ? -1 : after.seq();
    if (ledgerHead.seq() < afterSeq) {
      return new End(
          after,
          new ProjectionFailure(
              ledgerHead.seq() + 1,
              "seq_gap",
              "the ledger head is seq "
                  + ledgerHead.seq()
                  + ", but entries up to "
                  + afterSeq
                  + " were verified and applied before"),
          false);
    }
    long last = Math.min(upTo, afterSeq + Math.min(limit, Long.MAX_VALUE - 2 - afterSeq));
    long fetchTo = Math.min(last + 1, ledgerHead.seq()); // one past what is delivered: it vouches
    Pipeline pipeline = new Pipeline(v, CHUNK, after, alg, ledgerHead, last);
    try {
      EntryScan.scan(c, ledgerId, afterSeq, fetchTo, Long.MAX_VALUE, fetchSize, pipeline::add);
      return pipeline.finish(fetchTo);
    } catch (Stop stop) {
      return pipeline.end();
    } finally {
      pipeline.cancel();
    }
  }

  /**
   * Verifies the entries after {@code after} up to the ledger head, reading no events: the chain
   * beyond what a replay applies. Only chain failures are reported.
   */
  public static End verify(
      Connection c,
      String ledgerId,
      ChainHead after,
      HashAlg alg,
      ChainHead ledgerHead,
      int fetchSize)
      throws SQLException {
    long afterSeq = after == null ? -1 : after.seq();
    if (ledgerHead.seq() <= afterSeq) {
      return new End(after, null, false);
    }
    Pipeline pipeline =
        new Pipeline(
            (seq, type, actor, event) -> {}, CHUNK, after, alg, ledgerHead, Long.MAX_VALUE);
    pipeline.readEvents = false;
    try {
      EntryScan.scan(
          c, ledgerId, afterSeq, ledgerHead.seq(), Long.MAX_VALUE, fetchSize, pipeline::add);
      return pipeline.finish(ledgerHead.seq());
    } catch (Stop stop) {
      return pipeline.end();
    } finally {
      pipeline.cancel();
    }
  }

  /** Thrown through the cursor loop to end the scan at a failure (the pipeline holds it). */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** Rows of consecutive entries and, once checked, their events. */
  static final class Chunk {
    final long[] seq;
    final String[] type;
    final String[] actor;
    final byte[][] bytes;
    final byte[][] hash;
    final LedgerEvent[] events;
    final long beforeSeq;
    final byte[] beforeHash; // stored hash of the row before the chunk; null: none (genesis)
    int size;
    int read; // entries [0, read) verified and read; if read < size, failure says why entry failed
    ProjectionFailure failure;

    Chunk(int capacity, long beforeSeq, byte[] beforeHash) {
      seq = new long[capacity];
      type = new String[capacity];
      actor = new String[capacity];
      bytes = new byte[capacity][];
      hash = new byte[capacity][];
      events = new LedgerEvent[capacity];
      this.beforeSeq = beforeSeq;
      this.beforeHash = beforeHash;
    }

    boolean full() {
      return size == seq.length;
    }

    void add(long s, String t, String a, byte[] b, byte[] h) {
      seq[size] = s;
      type[size] = t;
      actor[size] = a;
      bytes[size] = b;
      hash[size] = h;
      size++;
    }
  }

  /** The chunking, checking and ordering, apart from the cursor (tests drive it directly). */
  static final class Pipeline {
    private final Visitor visitor;
    private final int chunkSize;
    private final ChunkCheck check; // null: read only, unverified (tests of the reading alone)
    private final ChainHead ledgerHead;
    private final long deliverUpTo;
    private final ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    private Chunk current;
    private long lastRowSeq;
    private byte[] lastRowHash;
    // the last verified entry not delivered yet: it waits for the next one to vouch for it
    private Chunk pendingChunk;
    private int pendingIndex = -1;
    private ChainHead delivered;
    private ProjectionFailure failure;
    private boolean visitorFailed;
    private boolean readEvents = true;

    /** Reads without verifying: for tests of the reading and ordering alone. */
    Pipeline(Visitor visitor, int chunkSize) {
      this(visitor, chunkSize, null, null, null, Long.MAX_VALUE, false);
    }

    Pipeline(
        Visitor visitor,
        int chunkSize,
        ChainHead after,
        HashAlg alg,
        ChainHead ledgerHead,
        long deliverUpTo) {
      this(visitor, chunkSize, after, alg, ledgerHead, deliverUpTo, true);
    }

    private Pipeline(
        Visitor visitor,
        int chunkSize,
        ChainHead after,
        HashAlg alg,
        ChainHead ledgerHead,
        long deliverUpTo,
        boolean verify) {
      this.visitor = visitor;
      this.chunkSize = chunkSize;
      this.check = verify ? new ChunkCheck(alg) : null;
      this.ledgerHead = ledgerHead;
      this.deliverUpTo = deliverUpTo;
      this.delivered = after;
      this.lastRowSeq = after == null ? -1 : after.seq();
      this.lastRowHash = after == null ? null : after.hash().bytes();
      this.current = newChunk();
    }

    private Chunk newChunk() {
      return new Chunk(chunkSize, lastRowSeq, lastRowHash);
    }

    /** One row of the cursor, in seq order. */
    void add(long seq, String type, String actor, byte[] bytes, byte[] hash) throws SQLException {
      current.add(seq, type, actor, bytes, hash);
      lastRowSeq = seq;
      lastRowHash = hash;
      if (current.full()) {
        Chunk full = current;
        inFlight.add(Pool.EXECUTOR.submit(() -> check(full)));
        current = newChunk();
        if (inFlight.size() > IN_FLIGHT) {
          visit(take(inFlight.poll()));
        }
      }
    }

    /** Visits everything added and not yet visited (unverified mode: throws a read failure). */
    void finish() throws SQLException {
      while (!inFlight.isEmpty()) {
        visit(take(inFlight.poll()));
      }
      if (current.size > 0) {
        visit(check(current));
      }
      deliverPending();
    }

    /** {@link #finish()}, then what vouches for the last entry: the ledger head. */
    End finish(long fetchTo) throws SQLException {
      while (!inFlight.isEmpty()) {
        visit(take(inFlight.poll()));
      }
      if (current.size > 0) {
        visit(check(current));
      }
      long lastSeq = pendingIndex < 0 ? lastRowSeq : pendingChunk.seq[pendingIndex];
      if (lastSeq < fetchTo) {
        pendingIndex = -1;
        return fail(
            new ProjectionFailure(
                lastSeq + 1,
                "seq_gap",
                "entry "
                    + (lastSeq + 1)
                    + " is missing; the ledger head is seq "
                    + ledgerHead.seq()));
      }
      if (pendingIndex >= 0 && lastSeq == ledgerHead.seq()) {
        byte[] h = pendingChunk.hash[pendingIndex];
        if (!ledgerHead.hash().equals(new EntryHash(h))) {
          pendingIndex = -1;
          return fail(
              new ProjectionFailure(
                  lastSeq,
                  "hash_mismatch",
                  "the ledger head names hash "
                      + ledgerHead.hash().hex()
                      + " for seq "
                      + lastSeq
                      + ", the entry hashes to "
                      + new EntryHash(h).hex()));
        }
        deliverPending(); // the head vouches for it
      }
      return end();
    }

    End end() {
      return new End(delivered, failure, visitorFailed);
    }

    void cancel() {
      inFlight.forEach(f -> f.cancel(true));
      inFlight.clear();
    }

    private End fail(ProjectionFailure f) {
      failure = f;
      return end();
    }

    private Chunk check(Chunk chunk) {
      if (check != null) {
        check.run(chunk, readEvents);
      } else {
        ChunkCheck.readOnly(chunk);
      }
      return chunk;
    }

    private void visit(Chunk chunk) throws SQLException {
      if (check == null) { // unverified: deliver as read, throw what failed
        for (int i = 0; i < chunk.read; i++) {
          visitor.entry(chunk.seq[i], chunk.type[i], chunk.actor[i], chunk.events[i]);
        }
        if (chunk.failure != null) {
          throw new IllegalStateException(chunk.failure.detail());
        }
        return;
      }
      for (int i = 0; i < chunk.read; i++) {
        deliverPending(); // entry i verified: its prev names the pending entry's hash
        pendingChunk = chunk;
        pendingIndex = i;
      }
      if (chunk.failure != null) {
        if ("hash_mismatch".equals(chunk.failure.kind())
            || ProjectionFailure.EVENT_REJECTED.equals(chunk.failure.kind())) {
          deliverPending(); // the failing entry's prev was checked and names the pending hash
        }
        pendingIndex = -1;
        failure = chunk.failure;
        throw new Stop();
      }
    }

    private void deliverPending() throws SQLException {
      if (pendingIndex < 0) {
        return;
      }
      Chunk c = pendingChunk;
      int i = pendingIndex;
      pendingIndex = -1;
      if (check == null) {
        return;
      }
      if (c.seq[i] > deliverUpTo) {
        return; // read only to vouch for the one before it
      }
      try {
        visitor.entry(c.seq[i], c.type[i], c.actor[i], c.events[i]);
      } catch (RuntimeException e) {
        visitorFailed = true;
        failure =
            new ProjectionFailure(
                c.seq[i],
                ProjectionFailure.EVENT_REJECTED,
                "entry " + c.seq[i] + " cannot be applied: " + e.getMessage());
        throw new Stop();
      }
      delivered = new ChainHead(c.seq[i], new EntryHash(c.hash[i]));
    }

    private static Chunk take(Future<Chunk> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading entries", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("reading entries failed", e.getCause());
      }
    }
  }

  /** Daemon threads, started on first use; they only verify and read bytes into events. */
  private static final class Pool {
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService EXECUTOR =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "ledger-income-read-" + COUNT.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }
}
