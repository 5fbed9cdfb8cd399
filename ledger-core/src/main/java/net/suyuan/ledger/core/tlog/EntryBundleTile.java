package net.suyuan.ledger.core.tlog;

/**
 * An entry bundle (c2sp.org/tlog-tiles "Log entries"): entries {@code [index * 256, index * 256 +
 * width)}, matching level-0 tile {@code index}. Encoded by {@link EntryBundle}.
 */
public record EntryBundleTile(long index, int width) implements TilePath {
  public EntryBundleTile {
    TilePaths.checkIndexAndWidth(index, width);
  }

  @Override
  public String path() {
    return "tile/entries/" + TilePaths.formatIndexAndWidth(index, width);
  }

  /** Index of the first entry. */
  public long firstEntry() {
    return index * FULL_WIDTH;
  }

  /** Whether a tree of {@code treeSize} has every entry of this bundle. */
  public boolean isCompleteIn(long treeSize) {
    return TilePaths.isCompleteIn(0, index, width, treeSize);
  }
}
