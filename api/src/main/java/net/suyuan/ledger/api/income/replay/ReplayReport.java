package net.suyuan.ledger.api.income.replay;

import java.util.List;
import net.suyuan.ledger.api.income.projection.ProjectionFailure;

/**
 * The outcome of {@code POST /api/v1/income/replay}: {@code ok} exactly when a full, verified
 * replay of the ledger up to {@code asOfSeq} (the watermark, read in the same snapshot as the
 * tables) reaches the entry the tables record ({@code tablesHead}: same seq, same hash), with no
 * chain failure on the way, and gives every stored line, product and rollup row and nothing else.
 * {@code verifiedHead} is the last entry the replay verified and applied; {@code failure} the first
 * entry it could not (as {@code GET /api/v1/audit} reports a broken chain: a 200 with {@code ok:
 * false}, never a 500), null when none. {@code differences} lists at most {@link
 * IncomeReplay#MAX_DIFFERENCES} of the {@code differenceCount} found; after a failure only the
 * lines of the entries before it are compared.
 */
public record ReplayReport(
    boolean ok,
    long asOfSeq,
    Head tablesHead,
    Head verifiedHead,
    Failure failure,
    long entriesReplayed,
    long entriesPerSecond,
    long millis,
    long differenceCount,
    List<Difference> differences) {

  /** An entry by seq and hex hash (the hash null for tables written before it was recorded). */
  public record Head(long seq, String hash) {
    static Head of(long seq, String hash) {
      return seq < 0 ? null : new Head(seq, hash);
    }
  }

  /** The first entry the replay could not verify or apply: kinds as {@link ProjectionFailure}. */
  public record Failure(Long seq, String kind, String detail) {
    static Failure of(ProjectionFailure f) {
      return f == null ? null : new Failure(f.seq(), f.kind(), f.detail());
    }
  }

  /** One row that differs: its table, its key, and the two versions (null when absent). */
  public record Difference(String table, String key, String live, String replay) {}
}
