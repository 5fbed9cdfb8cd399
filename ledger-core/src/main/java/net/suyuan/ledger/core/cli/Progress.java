package net.suyuan.ledger.core.cli;

import java.io.PrintWriter;

/** Progress on standard error at most every two seconds, so long verifications show life. */
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

  void update(long verified) {
    long now = System.nanoTime();
    if (quiet || now - lastPrinted < INTERVAL_NANOS) {
      return;
    }
    lastPrinted = now;
    printed = true;
    double seconds = (now - started) / 1e9;
    err.printf("verified %,d entries (%,.0f entries/s)%n", verified, verified / seconds);
    err.flush();
  }

  void done() {
    if (printed) {
      err.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
      err.flush();
    }
  }
}
