package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree tile (c2sp.org/tlog-tiles "Merkle Tree"): the {@code index}-th tile at tile level
 * {@code level} holds, for i in [0, width), MTH(D[(index * 256 + i) * 256^level : (index * 256 + i
 * + 1) * 256^level]), i.e. the stored hashes at tree level {@code 8 * level}.
 */
public record HashTile(int level, long index, int width) implements TilePath {
  public HashTile {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("tile level must be in [0, 63], got " + level);
    }
    TilePaths.checkIndexAndWidth(index, width);
  }

  @Override
  public String path() {
    return "tile/" + level + "/" + TilePaths.formatIndexAndWidth(index, width);
  }

  /** The stored nodes whose hashes make up this tile, in order. */
  public List<NodeId> nodes() {
    int treeLevel = HEIGHT * level;
    List<NodeId> out = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      out.add(new NodeId(treeLevel, index * FULL_WIDTH + i));
    }
    return out;
  }

  /**
   * Whether a tree of {@code treeSize} has every hash of this tile, so the tile can be served for
   * it (a narrower partial tile stays valid as the tree grows).
   */
  public boolean isCompleteIn(long treeSize) {
    return TilePaths.isCompleteIn(level, index, width, treeSize);
  }

  /**
   * The tile's bytes: its hashes concatenated, read in one batch. Check {@link #isCompleteIn}
   * against the integrated tree size first: the reader is only asked for stored nodes.
   */
  public byte[] read(HashReader reader) {
    List<MerkleHash> hashes = reader.readHashes(nodes());
    if (hashes.size() != width) {
      throw new IllegalStateException("hash reader returned the wrong number of hashes");
    }
    byte[] out = new byte[width * MerkleHash.LENGTH];
    for (int i = 0; i < width; i++) {
      System.arraycopy(hashes.get(i).raw(), 0, out, i * MerkleHash.LENGTH, MerkleHash.LENGTH);
    }
    return out;
  }
}
