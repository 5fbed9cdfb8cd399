package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9162 §2.1 definitions transcribed literally over a list of leaf hashes, for comparison. MTH
 * results are memoised by range so that sweeping every proof of a large tree stays fast.
 */
final class Naive {
  private final TreeHasher h;
  private final List<MerkleHash> leaves;
  private final Map<Long, MerkleHash> memo = new HashMap<>();

  Naive(TreeHasher h, List<MerkleHash> leaves) {
    this.h = h;
    this.leaves = leaves;
  }

  /** MTH(D[begin:end]) for a non-empty range, straight from §2.1.1. */
  MerkleHash mth(int begin, int end) {
    if (end - begin == 1) {
      return leaves.get(begin);
    }
    long key = ((long) begin << 32) | end;
    MerkleHash cached = memo.get(key);
    if (cached != null) {
      return cached;
    }
    int k = Integer.highestOneBit(end - begin - 1);
    MerkleHash out = h.node(mth(begin, begin + k), mth(begin + k, end));
    memo.put(key, out);
    return out;
  }

  /** PATH(m, D[begin:end]) from §2.1.3.1. */
  List<MerkleHash> path(int m, int begin, int end) {
    List<MerkleHash> out = new ArrayList<>();
    int n = end - begin;
    if (n == 1) {
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m < k) {
      out.addAll(path(m, begin, begin + k));
      out.add(mth(begin + k, end));
    } else {
      out.addAll(path(m - k, begin + k, end));
      out.add(mth(begin, begin + k));
    }
    return out;
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) from §2.1.4.1, for 0 < m < n. */
  List<MerkleHash> proof(int m, int n) {
    return subproof(m, 0, n, true);
  }

  private List<MerkleHash> subproof(int m, int begin, int end, boolean b) {
    List<MerkleHash> out = new ArrayList<>();
    int n = end - begin;
    if (m == n) {
      if (!b) {
        out.add(mth(begin, end));
      }
      return out;
    }
    int k = Integer.highestOneBit(n - 1);
    if (m <= k) {
      out.addAll(subproof(m, begin, begin + k, b));
      out.add(mth(begin + k, end));
    } else {
      out.addAll(subproof(m - k, begin + k, end, false));
      out.add(mth(begin, begin + k));
    }
    return out;
  }
}
