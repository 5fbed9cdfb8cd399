package net.suyuan.ledger.bench;

import java.util.Arrays;

/** Collected request latencies (nanoseconds) and their percentiles. */
final class Latencies {
  private long[] nanos = new long[1 << 16];
  private int count;

  synchronized void add(long value) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = value;
  }

  synchronized void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.nanos[i]);
    }
  }

  synchronized int count() {
    return count;
  }

  /** The p-th percentile (0 < p <= 100) in milliseconds, nearest-rank. */
  synchronized double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
  }
}
