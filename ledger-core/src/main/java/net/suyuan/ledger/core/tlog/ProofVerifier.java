package net.suyuan.ledger.core.tlog;

import java.util.List;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * Verification of Merkle inclusion and consistency proofs, exactly the algorithms of RFC 9162
 * §2.1.3.2 and §2.1.4.2. Every failure throws; a method that returns has verified.
 */
public final class ProofVerifier {
  /** A proof in a tree of at most 2^63 leaves has at most 63 (inclusion) or 64 hashes. */
  private static final int MAX_PROOF_LENGTH = 64;

  private ProofVerifier() {}

  /**
   * Verifies that {@code leafHash} is the leaf at {@code index} in the tree of {@code size} with
   * {@code root} (RFC 9162 §2.1.3.2).
   */
  public static void verifyInclusion(
      HashAlg alg,
      long index,
      long size,
      MerkleHash leafHash,
      List<MerkleHash> proof,
      MerkleHash root)
      throws LogVerificationException {
    MerkleHash calculated = rootFromInclusionProof(alg, index, size, leafHash, proof);
    if (!calculated.equals(root)) {
      throw new RootMismatchException(
          "inclusion proof for leaf " + index + " in tree of size " + size, root, calculated);
    }
  }

  /**
   * The root implied by an inclusion proof (RFC 9162 §2.1.3.2 steps 1-4), failing when the proof
   * has the wrong shape for {@code index} and {@code size}.
   */
  public static MerkleHash rootFromInclusionProof(
      HashAlg alg, long index, long size, MerkleHash leafHash, List<MerkleHash> proof)
      throws LogVerificationException {
    if (index < 0 || index >= size) {
      throw new LogVerificationException(
          "leaf index " + index + " is not in a tree of size " + size);
    }
    if (proof.size() > MAX_PROOF_LENGTH) {
      throw new LogVerificationException("inclusion proof has " + proof.size() + " hashes");
    }
    TreeHasher hasher = new TreeHasher(alg);
    long fn = index;
    long sn = size - 1;
    MerkleHash r = leafHash;
    for (MerkleHash p : proof) {
      if (sn == 0) {
        throw new LogVerificationException(
            "inclusion proof for leaf " + index + " in tree of size " + size + " is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = hasher.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = hasher.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new LogVerificationException(
          "inclusion proof for leaf " + index + " in tree of size " + size + " is too short");
    }
    return r;
  }

  /**
   * Verifies that the tree of {@code secondSize} with {@code secondRoot} extends the tree of {@code
   * firstSize} with {@code firstRoot} (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and
   * equal roots; a first size of 0 needs an empty proof and the empty tree's root, which every tree
   * extends.
   */
  public static void verifyConsistency(
      HashAlg alg,
      long firstSize,
      long secondSize,
      MerkleHash firstRoot,
      MerkleHash secondRoot,
      List<MerkleHash> proof)
      throws LogVerificationException {
    if (firstSize < 0 || firstSize > secondSize) {
      throw new LogVerificationException(
          "no consistency from size " + firstSize + " to smaller size " + secondSize);
    }
    if (proof.size() > MAX_PROOF_LENGTH) {
      throw new LogVerificationException("consistency proof has " + proof.size() + " hashes");
    }
    if (firstSize == secondSize || firstSize == 0) {
      if (!proof.isEmpty()) {
        throw new LogVerificationException(
            "consistency proof from " + firstSize + " to " + secondSize + " must be empty");
      }
      MerkleHash expectedFirst = firstSize == 0 ? new TreeHasher(alg).emptyRoot() : secondRoot;
      if (!firstRoot.equals(expectedFirst)) {
        throw new RootMismatchException(
            "consistency from " + firstSize + " to " + secondSize, expectedFirst, firstRoot);
      }
      return;
    }
    // Step 1: a proof between 0 < first < second is never empty.
    if (proof.isEmpty()) {
      throw new LogVerificationException(
          "consistency proof from " + firstSize + " to " + secondSize + " is empty");
    }
    TreeHasher hasher = new TreeHasher(alg);
    // Step 2: if first is an exact power of two, the first tree is a node of the second.
    boolean prepend = Long.bitCount(firstSize) == 1;
    int start = 0;
    MerkleHash fr;
    if (prepend) {
      fr = firstRoot;
    } else {
      fr = proof.getFirst();
      start = 1;
    }
    MerkleHash sr = fr;
    // Steps 3-4.
    long fn = firstSize - 1;
    long sn = secondSize - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 6 (step 5 set fr and sr to the first element).
    for (int i = start; i < proof.size(); i++) {
      MerkleHash c = proof.get(i);
      if (sn == 0) {
        throw new LogVerificationException(
            "consistency proof from " + firstSize + " to " + secondSize + " is too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = hasher.node(c, fr);
        sr = hasher.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = hasher.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 7.
    if (sn != 0) {
      throw new LogVerificationException(
          "consistency proof from " + firstSize + " to " + secondSize + " is too short");
    }
    if (!fr.equals(firstRoot)) {
      throw new RootMismatchException(
          "consistency proof, first tree of size " + firstSize, firstRoot, fr);
    }
    if (!sr.equals(secondRoot)) {
      throw new RootMismatchException(
          "consistency proof, second tree of size " + secondSize, secondRoot, sr);
    }
  }
}
