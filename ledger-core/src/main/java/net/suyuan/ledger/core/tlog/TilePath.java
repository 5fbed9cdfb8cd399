package net.suyuan.ledger.core.tlog;

/**
 * A resource path of c2sp.org/tlog-tiles, relative to the log's prefix: a Merkle tree tile {@code
 * tile/<L>/<N>[.p/<W>]} or an entry bundle {@code tile/entries/<N>[.p/<W>]}. Tiles are 256 hashes
 * (height 8) wide when full; a partial tile has a width of 1 to 255.
 */
public sealed interface TilePath permits HashTile, EntryBundleTile {
  /** Hashes (or entries) in a full tile. */
  int FULL_WIDTH = 256;

  /** Tree levels spanned by one tile level. */
  int HEIGHT = 8;

  /** Index of the tile within its level. */
  long index();

  /** Number of hashes or entries: 256 for a full tile, 1-255 for a partial one. */
  int width();

  default boolean isPartial() {
    return width() < FULL_WIDTH;
  }

  /** The canonical path, e.g. {@code tile/0/x001/234.p/5}. */
  String path();

  /**
   * Parses a path, accepting only the canonical form ({@code parse(p).path().equals(p)}): level
   * 0-63 and width 1-255 without leading zeroes, the index in 3-digit groups with every group but
   * the last prefixed by {@code x} and no leading all-zero group.
   */
  static TilePath parse(String path) throws LogFormatException {
    return TilePaths.parse(path);
  }
}
