package net.suyuan.ledger.api.income.replay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.suyuan.ledger.api.income.projection.IncomeJdbc;

/**
 * Rows of one seq-ordered query of the live tables, read on a second thread over a second
 * connection that shares the replay check's snapshot ({@code pg_export_snapshot()} there, {@code
 * SET TRANSACTION SNAPSHOT} here: PostgreSQL §9.28.5), so the check's applying thread does not also
 * decode three million rows. It sees exactly the rows the check's own connection would. Batches
 * travel through a small bounded queue; a failure on the second thread is rethrown by {@link
 * #next}.
 */
final class AsideRows<T> implements AutoCloseable {
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]{1,64}");
  private static final int BATCH = 4096;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private final Thread thread;
  private volatile boolean closed;
  private List<T> current = List.of();
  private int index;
  private boolean done;

  private AsideRows(Connection c, String sql, String ledgerId, RowReader<T> reader) {
    thread = new Thread(() -> run(c, sql, ledgerId, reader), "ledger-income-replay-live");
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts reading {@code sql} (one parameter: the ledger id) in {@code snapshot}. */
  static <T> AsideRows<T> open(
      IncomeJdbc jdbc, String snapshot, String sql, String ledgerId, RowReader<T> reader)
      throws SQLException {
    if (!SNAPSHOT_ID.matcher(snapshot).matches()) {
      throw new IllegalStateException("unexpected snapshot id " + snapshot);
    }
    Connection c = jdbc.connect();
    try {
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'"); // first in its transaction
      }
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return new AsideRows<>(c, sql, ledgerId, reader);
  }

  /**
   * The snapshot of {@code c}'s transaction, for {@link #open}; call it first in the transaction.
   */
  static String exportSnapshot(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void run(Connection c, String sql, String ledgerId, RowReader<T> reader) {
    try (c;
        ResultSet rs = LiveTables.cursor(c, sql, ledgerId, 5000)) {
      List<T> batch = new ArrayList<>(BATCH);
      while (!closed && rs.next()) {
        batch.add(reader.read(rs));
        if (batch.size() == BATCH) {
          put(batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      put(batch);
      put(END);
      c.commit();
    } catch (Throwable t) {
      put(t);
    }
  }

  private void put(Object o) {
    try {
      while (!closed && !queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
        // the check is behind: wait for room
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next row, null after the last. */
  @SuppressWarnings("unchecked")
  T next() throws SQLException {
    while (!done && index == current.size()) {
      Object o;
      try {
        o = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading live rows", e);
      }
      if (o == END) {
        done = true;
      } else if (o instanceof SQLException e) {
        throw e;
      } else if (o instanceof RuntimeException e) {
        throw e;
      } else if (o instanceof Error e) {
        throw e;
      } else if (o instanceof Throwable t) {
        throw new IllegalStateException(t);
      } else {
        current = (List<T>) o;
        index = 0;
      }
    }
    return done ? null : current.get(index++);
  }

  @Override
  public void close() {
    closed = true;
    queue.clear();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
