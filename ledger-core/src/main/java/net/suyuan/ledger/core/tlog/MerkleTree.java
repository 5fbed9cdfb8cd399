package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.List;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * Roots and proofs of the log's RFC 9162 §2.1 Merkle tree, computed from stored perfect-subtree
 * hashes read through a {@link HashReader}. Each function first works out which stored nodes it
 * needs, reads them in one batch, then hashes; sizes and indices are checked before any read.
 */
public final class MerkleTree {
  private MerkleTree() {}

  /** MTH(D[0:size]) (RFC 9162 §2.1.1); the empty tree's root for size 0. */
  public static MerkleHash root(HashAlg alg, long size, HashReader reader) {
    requireNonNegative(size, "size");
    TreeHasher hasher = new TreeHasher(alg);
    if (size == 0) {
      return hasher.emptyRoot();
    }
    return resolve(hasher, List.of(new long[] {0, size}), reader).getFirst();
  }

  /**
   * The inclusion proof PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, ordered from the leaf's
   * sibling up to the root's child.
   */
  public static List<MerkleHash> inclusionProof(
      HashAlg alg, long index, long size, HashReader reader) {
    requireNonNegative(index, "index");
    if (index >= size) {
      throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
    }
    List<long[]> ranges = new ArrayList<>();
    path(index, 0, size, ranges);
    return resolve(new TreeHasher(alg), ranges, reader);
  }

  /**
   * The consistency proof PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when {@code first}
   * is 0 or equals {@code second}.
   */
  public static List<MerkleHash> consistencyProof(
      HashAlg alg, long first, long second, HashReader reader) {
    requireNonNegative(first, "first size");
    if (first > second) {
      throw new IllegalArgumentException("first size " + first + " > second size " + second);
    }
    if (first == 0 || first == second) {
      return List.of();
    }
    List<long[]> ranges = new ArrayList<>();
    subproof(first, 0, second, true, ranges);
    return resolve(new TreeHasher(alg), ranges, reader);
  }

  /**
   * The stored nodes whose hashes make up MTH(D[begin:end]): the range split into aligned perfect
   * subtrees, largest first. Requires {@code begin} to be aligned to the largest power of two not
   * above the range's length, as every range in an RFC 9162 tree or proof is.
   */
  public static List<NodeId> rangeNodes(long begin, long end) {
    requireNonNegative(begin, "begin");
    if (end <= begin) {
      throw new IllegalArgumentException("empty range [" + begin + ", " + end + ")");
    }
    long length = end - begin;
    int top = 63 - Long.numberOfLeadingZeros(length);
    if ((begin & ((1L << top) - 1)) != 0) {
      throw new IllegalArgumentException("range [" + begin + ", " + end + ") is not aligned");
    }
    List<NodeId> nodes = new ArrayList<>(Long.bitCount(length));
    long at = begin;
    for (int level = top; level >= 0; level--) {
      if ((length & (1L << level)) != 0) {
        nodes.add(new NodeId(level, at >>> level));
        at += 1L << level;
      }
    }
    return nodes;
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[begin:end]) as the ranges whose MTH forms the path. */
  private static void path(long m, long begin, long end, List<long[]> out) {
    long n = end - begin;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, begin, begin + k, out);
      out.add(new long[] {begin + k, end});
    } else {
      path(m - k, begin + k, end, out);
      out.add(new long[] {begin, begin + k});
    }
  }

  /** RFC 9162 §2.1.4.1 SUBPROOF(m, D[begin:end], b) as ranges. */
  private static void subproof(long m, long begin, long end, boolean b, List<long[]> out) {
    long n = end - begin;
    if (m == n) {
      if (!b) {
        out.add(new long[] {begin, end});
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, begin, begin + k, b, out);
      out.add(new long[] {begin + k, end});
    } else {
      subproof(m - k, begin + k, end, false, out);
      out.add(new long[] {begin, begin + k});
    }
  }

  /** The largest power of two strictly less than {@code n} (n >= 2), the RFC's k. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** Reads all stored nodes of all ranges in one batch and folds each range to its MTH. */
  private static List<MerkleHash> resolve(
      TreeHasher hasher, List<long[]> ranges, HashReader reader) {
    List<List<NodeId>> perRange = new ArrayList<>(ranges.size());
    List<NodeId> all = new ArrayList<>();
    for (long[] r : ranges) {
      List<NodeId> nodes = rangeNodes(r[0], r[1]);
      perRange.add(nodes);
      all.addAll(nodes);
    }
    List<MerkleHash> read = reader.readHashes(all);
    if (read.size() != all.size()) {
      throw new IllegalStateException(
          "hash reader returned " + read.size() + " hashes for " + all.size() + " nodes");
    }
    List<MerkleHash> out = new ArrayList<>(ranges.size());
    int at = 0;
    for (List<NodeId> nodes : perRange) {
      // MTH of a range = its perfect subtrees folded right to left (RFC 9162 §2.1.1 recursion).
      MerkleHash acc = read.get(at + nodes.size() - 1);
      for (int i = nodes.size() - 2; i >= 0; i--) {
        acc = hasher.node(read.get(at + i), acc);
      }
      at += nodes.size();
      out.add(acc);
    }
    return out;
  }

  private static void requireNonNegative(long value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + value);
    }
  }
}
