package net.suyuan.ledger.qr.cli;

import java.io.PrintWriter;

/** Progress on standard error at most every two seconds, so long runs show life. */
final class Progress {
  private static final long INTERVAL_NANOS = 2_000_000_000L;
  private final PrintWriter err;
  private final boolean quiet;
  private final long started = System.nanoTime();
  private long lastPrinted = started;
  private boolean printed;

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  void update(int done, int total) {
    long now = System.nanoTime();
    if (quiet || now - lastPrinted < INTERVAL_NANOS) {
      return;
    }
    lastPrinted = now;
    printed = true;
    double seconds = (now - started) / 1e9;
    err.printf("labels %,d of %,d (%,.0f labels/s)%n", done, total, done / seconds);
    err.flush();
  }

  void done(int total) {
    if (printed) {
      err.printf("%,d labels in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
      err.flush();
    }
  }
}
