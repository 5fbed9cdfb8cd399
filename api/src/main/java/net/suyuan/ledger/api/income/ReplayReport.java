package net.suyuan.ledger.api.income;

import java.util.List;

/**
 * The outcome of {@code POST /api/v1/income/replay}: {@code ok} exactly when a full replay of the
 * ledger up to {@code asOfSeq} (the watermark, read in the same snapshot as the tables) gives every
 * stored line, product and rollup row and nothing else. {@code differences} lists at most {@link
 * IncomeReplay#MAX_DIFFERENCES} of the {@code differenceCount} found.
 */
public record ReplayReport(
    boolean ok,
    long asOfSeq,
    long entriesReplayed,
    long entriesPerSecond,
    long millis,
    long differenceCount,
    List<Difference> differences) {

  /** One row that differs: its table, its key, and the two versions (null when absent). */
  public record Difference(String table, String key, String live, String replay) {}
}
