package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which tiles exist for a tree size (c2sp.org/tlog-tiles "Partial Tiles"): at tile level l a tree
 * of size s has floor(s / 256^(l+1)) full tiles and, if floor(s / 256^l) mod 256 is not 0, one
 * partial tile of that width. Empty tiles do not exist.
 */
public final class TileLayout {
  private TileLayout() {}

  /** Number of stored hashes at tile level {@code level}: floor(size / 256^level). */
  static long hashesAtLevel(int level, long size) {
    int shift = TilePath.HEIGHT * level;
    return shift >= 64 ? 0 : size >>> shift;
  }

  /** The tile at {@code level}/{@code index} as it is in a tree of {@code size}, if it exists. */
  public static Optional<HashTile> hashTile(int level, long index, long size) {
    long hashes = hashesAtLevel(level, requireSize(size));
    long fullTiles = hashes / TilePath.FULL_WIDTH;
    if (index < fullTiles) {
      return Optional.of(new HashTile(level, index, TilePath.FULL_WIDTH));
    }
    int partial = (int) (hashes % TilePath.FULL_WIDTH);
    if (index == fullTiles && partial > 0) {
      return Optional.of(new HashTile(level, index, partial));
    }
    return Optional.empty();
  }

  /** The entry bundle {@code index} as it is in a tree of {@code size}, if it exists. */
  public static Optional<EntryBundleTile> entryBundle(long index, long size) {
    return hashTile(0, index, size).map(t -> new EntryBundleTile(t.index(), t.width()));
  }

  /**
   * The hash tiles whose contents differ between trees of {@code oldSize} and {@code newSize}:
   * every tile completed or extended by the growth, at every level, in level order. Publishing
   * these (and the entry bundles of the level-0 ones) after each checkpoint keeps a static mirror
   * complete.
   */
  public static List<HashTile> newHashTiles(long oldSize, long newSize) {
    requireSize(oldSize);
    if (newSize < oldSize) {
      throw new IllegalArgumentException("new size " + newSize + " < old size " + oldSize);
    }
    List<HashTile> out = new ArrayList<>();
    for (int level = 0; hashesAtLevel(level, newSize) > 0; level++) {
      long oldN = hashesAtLevel(level, oldSize);
      long newN = hashesAtLevel(level, newSize);
      if (oldN == newN) {
        continue;
      }
      for (long n = oldN / TilePath.FULL_WIDTH; n < newN / TilePath.FULL_WIDTH; n++) {
        out.add(new HashTile(level, n, TilePath.FULL_WIDTH));
      }
      int w = (int) (newN % TilePath.FULL_WIDTH);
      if (w > 0) {
        out.add(new HashTile(level, newN / TilePath.FULL_WIDTH, w));
      }
    }
    return out;
  }

  private static long requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + size);
    }
    return size;
  }
}
