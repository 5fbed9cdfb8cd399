package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.hash.HashAlg;

/** A test {@link HashReader} filled by {@link TreeBuilder}; refuses nodes it never stored. */
final class MemoryHashStore implements HashReader {
  final Map<NodeId, MerkleHash> nodes = new HashMap<>();
  final TreeBuilder builder;
  int reads;

  MemoryHashStore(HashAlg alg) {
    builder = TreeBuilder.empty(alg);
  }

  static MemoryHashStore of(HashAlg alg, List<MerkleHash> leaves) {
    MemoryHashStore store = new MemoryHashStore(alg);
    leaves.forEach(store::append);
    return store;
  }

  void append(MerkleHash leaf) {
    builder.append(leaf, n -> nodes.put(n.id(), n.hash()));
  }

  @Override
  public List<MerkleHash> readHashes(List<NodeId> ids) {
    reads++;
    List<MerkleHash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      MerkleHash h = nodes.get(id);
      if (h == null) {
        throw new IllegalArgumentException("node not stored: " + id);
      }
      out.add(h);
    }
    return out;
  }
}
