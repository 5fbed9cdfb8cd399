package net.suyuan.ledger.api.income;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.suyuan.ledger.core.event.LedgerEvent;

/**
 * {@link EntryScan} with the entries' events read ahead, in parallel: the scanning thread cuts the
 * cursor's rows into chunks, a small pool reads each chunk's events ({@link EntryEvents}, which is
 * stateless), and the scanning thread hands them to the visitor strictly in seq order, so whatever
 * the visitor keeps (the attribution) sees exactly the sequence a one-thread scan gives. Reading is
 * most of a replay's CPU; applying must stay in order and on one thread.
 *
 * <p>An entry that cannot be read fails the scan at that entry, after every entry before it was
 * visited, as a one-thread scan would. A scan of less than one chunk (a live projector step) reads
 * on the calling thread.
 */
final class ParsedScan {
  interface Visitor {
    void entry(long seq, String type, String actor, LedgerEvent event) throws SQLException;
  }

  static final int CHUNK = 1024;
  private static final int THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  private static final int IN_FLIGHT = 2 * THREADS;

  private ParsedScan() {}

  /** As {@link EntryScan#scan}, each entry with its event (null for types income ignores). */
  static long scan(
      Connection c, String ledgerId, long after, long upTo, long limit, int fetchSize, Visitor v)
      throws SQLException {
    Pipeline pipeline = new Pipeline(v, CHUNK);
    try {
      long last = EntryScan.scan(c, ledgerId, after, upTo, limit, fetchSize, pipeline::add);
      pipeline.finish();
      return last;
    } finally {
      pipeline.cancel();
    }
  }

  /** Rows of consecutive entries and, once read, their events. */
  private static final class Chunk {
    final long[] seq;
    final String[] type;
    final String[] actor;
    final byte[][] bytes;
    final LedgerEvent[] events;
    int size;
    int read; // events[0, read) are read; if read < size, failure says why entry read failed
    RuntimeException failure;

    Chunk(int capacity) {
      seq = new long[capacity];
      type = new String[capacity];
      actor = new String[capacity];
      bytes = new byte[capacity][];
      events = new LedgerEvent[capacity];
    }

    boolean full() {
      return size == seq.length;
    }

    void add(long s, String t, String a, byte[] b) {
      seq[size] = s;
      type[size] = t;
      actor[size] = a;
      bytes[size] = b;
      size++;
    }

    Chunk read() {
      EntryEvents reader = new EntryEvents();
      for (; read < size; read++) {
        if (IncomeFeed.TYPES.contains(type[read])) {
          try {
            events[read] = reader.read(seq[read], type[read], bytes[read]);
          } catch (RuntimeException e) {
            failure = e;
            return this;
          }
        }
        bytes[read] = null; // read: the bytes are not needed any more
      }
      return this;
    }
  }

  /** The chunking and ordering, apart from the cursor (tests drive it with small chunks). */
  static final class Pipeline {
    private final Visitor visitor;
    private final int chunkSize;
    private final ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    private Chunk current;

    Pipeline(Visitor visitor, int chunkSize) {
      this.visitor = visitor;
      this.chunkSize = chunkSize;
      this.current = new Chunk(chunkSize);
    }

    /** One row of the cursor, in seq order. */
    void add(long seq, String type, String actor, byte[] bytes) throws SQLException {
      current.add(seq, type, actor, bytes);
      if (current.full()) {
        inFlight.add(Pool.EXECUTOR.submit(current::read));
        current = new Chunk(chunkSize);
        if (inFlight.size() > IN_FLIGHT) {
          visit(take(inFlight.poll()));
        }
      }
    }

    /** Visits everything added and not yet visited. */
    void finish() throws SQLException {
      while (!inFlight.isEmpty()) {
        visit(take(inFlight.poll()));
      }
      if (current.size > 0) {
        visit(current.read());
      }
    }

    void cancel() {
      inFlight.forEach(f -> f.cancel(true));
      inFlight.clear();
    }

    private void visit(Chunk chunk) throws SQLException {
      for (int i = 0; i < chunk.read; i++) {
        visitor.entry(chunk.seq[i], chunk.type[i], chunk.actor[i], chunk.events[i]);
      }
      if (chunk.failure != null) {
        throw chunk.failure;
      }
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

  /** Daemon threads, started on first use; they only read bytes into events. */
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
