package net.suyuan.ledger.core.tlog;

import java.util.List;

/**
 * Storage of the log's stored hashes (one per {@link NodeId}), passed in to the tree functions the
 * way Tessera passes storage to its integrator: the tree logic stays testable without a database,
 * and each database needs one adapter. Implementations may fail with an unchecked exception.
 */
@FunctionalInterface
public interface HashReader {
  /**
   * Returns the stored hashes of {@code nodes}, in the same order. Callers only ask for nodes of
   * perfect subtrees that lie entirely within a tree size the storage has integrated.
   */
  List<MerkleHash> readHashes(List<NodeId> nodes);
}
