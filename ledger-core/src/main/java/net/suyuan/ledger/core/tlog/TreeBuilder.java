package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * Appends leaves to the Merkle tree and reports every stored node each append completes (the leaf
 * and each perfect subtree it closes), keeping only the tree's right edge in memory: one hash per
 * set bit of the size. This is the integration half of Tessera's sequence/integrate split. Not
 * thread-safe.
 */
public final class TreeBuilder {
  private final TreeHasher hasher;

  /** The perfect subtrees of D[0:size], largest first (RFC 9162 §2.1.1 decomposition). */
  private final List<MerkleHash> edge;

  private long size;

  private TreeBuilder(HashAlg alg, long size, List<MerkleHash> edge) {
    this.hasher = new TreeHasher(alg);
    this.size = size;
    this.edge = edge;
  }

  /** A builder for an empty tree. */
  public static TreeBuilder empty(HashAlg alg) {
    return new TreeBuilder(alg, 0, new ArrayList<>());
  }

  /** A builder continuing a stored tree of {@code size}, reading its right edge from storage. */
  public static TreeBuilder resume(HashAlg alg, long size, HashReader reader) {
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    if (size == 0) {
      return empty(alg);
    }
    List<NodeId> ids = MerkleTree.rangeNodes(0, size);
    List<MerkleHash> hashes = reader.readHashes(ids);
    if (hashes.size() != ids.size()) {
      throw new IllegalStateException("hash reader returned the wrong number of hashes");
    }
    return new TreeBuilder(alg, size, new ArrayList<>(hashes));
  }

  public long size() {
    return size;
  }

  /**
   * Appends the leaf at index {@link #size()} and passes each stored node it completes to {@code
   * sink}, the leaf first, then its ancestors bottom-up.
   */
  public void append(MerkleHash leafHash, Consumer<StoredNode> sink) {
    long index = size;
    MerkleHash h = leafHash;
    sink.accept(new StoredNode(new NodeId(0, index), h));
    int level = 0;
    // Each trailing one bit of the old size is a left sibling of equal height to merge with.
    while (((index >>> level) & 1) == 1) {
      h = hasher.node(edge.removeLast(), h);
      level++;
      sink.accept(new StoredNode(new NodeId(level, index >>> level), h));
    }
    edge.add(h);
    size++;
  }

  /** MTH(D[0:size]). */
  public MerkleHash root() {
    if (size == 0) {
      return hasher.emptyRoot();
    }
    MerkleHash acc = edge.getLast();
    for (int i = edge.size() - 2; i >= 0; i--) {
      acc = hasher.node(edge.get(i), acc);
    }
    return acc;
  }
}
