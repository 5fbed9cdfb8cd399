package net.suyuan.ledger.core.tlog;

/** A stored hash and the perfect subtree it is the root of. */
public record StoredNode(NodeId id, MerkleHash hash) {
  public StoredNode {
    if (id == null || hash == null) {
      throw new IllegalArgumentException("id and hash are required");
    }
  }
}
