package net.suyuan.ledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.suyuan.ledger.core.hash.HashAlg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proofs generated from stored hashes equal the RFC 9162 definitions computed naively, and verify;
 * a proof with any one hash flipped does not. Seeded; the seed is in every failure message.
 */
class MerklePropertyTest {
  private static List<MerkleHash> randomLeaves(Random random, int n) {
    List<MerkleHash> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      leaves.add(new MerkleHash(b));
    }
    return leaves;
  }

  /** Every pair of sizes up to 40, every leaf: exhaustive over small trees. */
  @ParameterizedTest
  @EnumSource(HashAlg.class)
  void smallTrees_allProofs_matchNaiveAndVerify(HashAlg alg) throws Exception {
    long seed = 9162;
    List<MerkleHash> leaves = randomLeaves(new Random(seed), 40);
    MemoryHashStore store = MemoryHashStore.of(alg, leaves);
    Naive naive = new Naive(new TreeHasher(alg), leaves);
    for (int size = 1; size <= leaves.size(); size++) {
      MerkleHash root = naive.mth(0, size);
      assertThat(MerkleTree.root(alg, size, store)).as("root %d", size).isEqualTo(root);
      for (int i = 0; i < size; i++) {
        checkInclusion(alg, store, naive, leaves, i, size, root, "seed " + seed);
      }
      for (int m = 1; m <= size; m++) {
        checkConsistency(alg, store, naive, m, size, "seed " + seed);
      }
    }
  }

  /**
   * Random trees of up to a few thousand leaves: every inclusion proof, every consistency proof. A
   * new seed each run (in every failure message); rerun one with {@code -Dtlog.seed=N}.
   */
  @Test
  void randomLargeTrees_everyProofToTheHead_matchesNaiveAndVerifies() throws Exception {
    long seed = Long.getLong("tlog.seed", new Random().nextLong());
    Random random = new Random(seed);
    HashAlg[] algs = HashAlg.values();
    for (int round = 0; round < 4; round++) {
      int n = 1 + random.nextInt(3000);
      HashAlg alg = algs[round % algs.length];
      String ctx = "seed " + seed + " round " + round + " size " + n + " " + alg;
      List<MerkleHash> leaves = randomLeaves(random, n);
      MemoryHashStore store = MemoryHashStore.of(alg, leaves);
      Naive naive = new Naive(new TreeHasher(alg), leaves);
      MerkleHash root = naive.mth(0, n);
      assertThat(MerkleTree.root(alg, n, store)).as(ctx).isEqualTo(root);
      assertThat(store.builder.root()).as(ctx).isEqualTo(root);
      for (int i = 0; i < n; i++) {
        checkInclusion(alg, store, naive, leaves, i, n, root, ctx);
      }
      for (int m = 1; m <= n; m++) {
        checkConsistency(alg, store, naive, m, n, ctx);
      }
      // Resuming from storage continues the same tree.
      TreeBuilder resumed = TreeBuilder.resume(alg, n / 2, store);
      leaves.subList(n / 2, n).forEach(l -> resumed.append(l, x -> {}));
      assertThat(resumed.root()).as(ctx).isEqualTo(root);
    }
  }

  private static void checkInclusion(
      HashAlg alg,
      MemoryHashStore store,
      Naive naive,
      List<MerkleHash> d,
      int i,
      int size,
      MerkleHash root,
      String ctx)
      throws LogVerificationException {
    int readsBefore = store.reads;
    List<MerkleHash> proof = MerkleTree.inclusionProof(alg, i, size, store);
    assertThat(store.reads - readsBefore).as("one batched read").isEqualTo(1);
    assertThat(proof).as("%s: PATH(%d, D[%d])", ctx, i, size).isEqualTo(naive.path(i, 0, size));
    ProofVerifier.verifyInclusion(alg, i, size, d.get(i), proof, root);
    if (!proof.isEmpty()) {
      int k = i % proof.size();
      List<MerkleHash> bad = new ArrayList<>(proof);
      byte[] b = bad.get(k).bytes();
      b[31] ^= 1;
      bad.set(k, new MerkleHash(b));
      assertThatThrownBy(() -> ProofVerifier.verifyInclusion(alg, i, size, d.get(i), bad, root))
          .as("%s: tampered inclusion proof %d/%d", ctx, i, size)
          .isInstanceOf(RootMismatchException.class);
    }
  }

  private static void checkConsistency(
      HashAlg alg, MemoryHashStore store, Naive naive, int m, int n, String ctx)
      throws LogVerificationException {
    List<MerkleHash> proof = MerkleTree.consistencyProof(alg, m, n, store);
    List<MerkleHash> expected = m == n ? List.of() : naive.proof(m, n);
    assertThat(proof).as("%s: PROOF(%d, D[%d])", ctx, m, n).isEqualTo(expected);
    MerkleHash root1 = naive.mth(0, m);
    MerkleHash root2 = naive.mth(0, n);
    ProofVerifier.verifyConsistency(alg, m, n, root1, root2, proof);
    if (!proof.isEmpty()) {
      int k = m % proof.size();
      List<MerkleHash> bad = new ArrayList<>(proof);
      byte[] b = bad.get(k).bytes();
      b[0] ^= 0x40;
      bad.set(k, new MerkleHash(b));
      assertThatThrownBy(() -> ProofVerifier.verifyConsistency(alg, m, n, root1, root2, bad))
          .as("%s: tampered consistency proof %d->%d", ctx, m, n)
          .isInstanceOf(LogVerificationException.class);
    }
  }
}
