package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer vectors from independent implementations of the RFC 6962 / RFC 9162 tree:
 *
 * <ul>
 *   <li>T: github.com/transparency-dev/merkle {@code testonly/constants.go} (leaf inputs, node
 *       hashes, roots of sizes 0-8) and {@code proof/verify_test.go} (inclusion and consistency
 *       proofs, and the mutations {@code corruptInclusionProof}/{@code corruptConsistencyProof}
 *       apply);
 *   <li>R: github.com/transparency-dev/merkle {@code rfc6962/rfc6962_test.go} (hasher);
 *   <li>G: golang.org/x/mod {@code sumdb/tlog/note_test.go} (RecordHash("hello world")).
 * </ul>
 */
class MerkleVectorsTest {
  private static final HashAlg SHA = HashAlg.SHA_256;

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static MerkleHash h(String s) {
    return new MerkleHash(hex(s));
  }

  /** T: LeafInputs(). */
  static final String[] LEAF_INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  /** T: RootHashes(), indexed by tree size. */
  static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };

  /** T: NodeHashes(), [level][index]. */
  static final String[][] NODES = {
    {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    },
    {
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    },
    {
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    },
    {"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"},
  };

  static List<MerkleHash> leaves() {
    TreeHasher hasher = new TreeHasher(SHA);
    List<MerkleHash> out = new ArrayList<>();
    for (String in : LEAF_INPUTS) {
      out.add(hasher.leaf(hex(in)));
    }
    return out;
  }

  /** T: inclusionProofs {leaf (1-based), size, proof}; {0,0} and {1,1} are trivial. */
  static Stream<Arguments> inclusionVectors() {
    return Stream.of(
        Arguments.of(
            1,
            8,
            List.of(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(
            6,
            8,
            List.of(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(
            3, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
        Arguments.of(
            2,
            5,
            List.of(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(1, 1, List.of()));
  }

  /** T: consistencyProofs {size1, size2, proof}. */
  static Stream<Arguments> consistencyVectors() {
    return Stream.of(
        Arguments.of(1, 1, List.of()),
        Arguments.of(
            1,
            8,
            List.of(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
        Arguments.of(
            6,
            8,
            List.of(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
        Arguments.of(
            2,
            5,
            List.of(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
        Arguments.of(
            6,
            7,
            List.of(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
  }

  /** R: empty root, empty leaf, leaf "L123456". G: RecordHash("hello world"). */
  @Test
  void hasher_matchesRfc6962Vectors() {
    TreeHasher hasher = new TreeHasher(SHA);
    assertThat(hasher.emptyRoot().hex())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(hasher.leaf(new byte[0]).hex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(hasher.leaf("L123456".getBytes(US_ASCII)).hex())
        .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
    assertThat(hasher.leaf("hello world".getBytes(US_ASCII)).base64())
        .isEqualTo("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=");
  }

  @Test
  void leafHash_isTheLedgerEntryHash() {
    byte[] data = "L123456".getBytes(US_ASCII);
    assertThat(MerkleHash.ofLeaf(new EntryHasher(SHA).hash(data)))
        .isEqualTo(new TreeHasher(SHA).leaf(data));
  }

  @Test
  void roots_ofEverySizeUpTo8_matchVectors() {
    MemoryHashStore store = MemoryHashStore.of(SHA, leaves());
    for (int size = 0; size <= 8; size++) {
      assertThat(MerkleTree.root(SHA, size, store)).as("size %d", size).isEqualTo(h(ROOTS[size]));
      TreeBuilder b = TreeBuilder.empty(SHA);
      leaves().subList(0, size).forEach(l -> b.append(l, n -> {}));
      assertThat(b.root()).as("builder size %d", size).isEqualTo(h(ROOTS[size]));
    }
  }

  @Test
  void storedNodes_matchNodeVectors() {
    MemoryHashStore store = MemoryHashStore.of(SHA, leaves());
    for (int level = 0; level < NODES.length; level++) {
      for (int i = 0; i < NODES[level].length; i++) {
        assertThat(store.nodes.get(new NodeId(level, i))).isEqualTo(h(NODES[level][i]));
      }
    }
    assertThat(store.nodes).hasSize(15);
  }

  @ParameterizedTest
  @MethodSource("inclusionVectors")
  void inclusionProof_matchesVectorAndVerifies(int leaf, int size, List<String> proofHex)
      throws Exception {
    List<MerkleHash> expected = proofHex.stream().map(MerkleVectorsTest::h).toList();
    MemoryHashStore store = MemoryHashStore.of(SHA, leaves());
    long index = leaf - 1;
    assertThat(MerkleTree.inclusionProof(SHA, index, size, store)).isEqualTo(expected);
    MerkleHash leafHash = leaves().get(leaf - 1);
    MerkleHash root = h(ROOTS[size]);
    ProofVerifier.verifyInclusion(SHA, index, size, leafHash, expected, root);

    for (Probe p : corruptInclusion(index, size, expected, root, leafHash)) {
      assertThatThrownBy(
              () -> ProofVerifier.verifyInclusion(SHA, p.index, p.size, p.leaf, p.proof, p.root))
          .as(p.desc)
          .isInstanceOf(LogVerificationException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("consistencyVectors")
  void consistencyProof_matchesVectorAndVerifies(int size1, int size2, List<String> proofHex)
      throws Exception {
    List<MerkleHash> expected = proofHex.stream().map(MerkleVectorsTest::h).toList();
    MemoryHashStore store = MemoryHashStore.of(SHA, leaves());
    assertThat(MerkleTree.consistencyProof(SHA, size1, size2, store)).isEqualTo(expected);
    MerkleHash root1 = h(ROOTS[size1]);
    MerkleHash root2 = h(ROOTS[size2]);
    ProofVerifier.verifyConsistency(SHA, size1, size2, root1, root2, expected);
    if (expected.isEmpty()) {
      return;
    }
    for (ConsistencyProbe p : corruptConsistency(size1, size2, root1, root2, expected)) {
      assertThatThrownBy(
              () ->
                  ProofVerifier.verifyConsistency(SHA, p.size1, p.size2, p.root1, p.root2, p.proof))
          .as(p.desc)
          .isInstanceOf(LogVerificationException.class);
    }
  }

  /** T: TestVerifyConsistency's table, less the cases where it accepts any root for size 0. */
  @Test
  void consistency_edgeCases() throws Exception {
    MerkleHash empty = h(ROOTS[0]);
    MerkleHash r1 = h(ROOTS[1]);
    MerkleHash r2 = h(ROOTS[2]);
    ProofVerifier.verifyConsistency(SHA, 0, 0, empty, empty, List.of());
    ProofVerifier.verifyConsistency(SHA, 0, 1, empty, r1, List.of());
    ProofVerifier.verifyConsistency(SHA, 1, 1, r1, r1, List.of());
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 1, 1, r1, r2, List.of()))
        .isInstanceOf(RootMismatchException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 1, 0, r1, empty, List.of()))
        .isInstanceOf(LogVerificationException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 2, 1, r2, r1, List.of()))
        .isInstanceOf(LogVerificationException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 1, 2, r1, r2, List.of()))
        .isInstanceOf(LogVerificationException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 0, 1, empty, r1, List.of(empty)))
        .isInstanceOf(LogVerificationException.class);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 1, 1, r1, r1, List.of(empty)))
        .isInstanceOf(LogVerificationException.class);
    // Stricter than transparency-dev: size 0 must come with the empty tree's root.
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(SHA, 0, 1, r1, r1, List.of()))
        .isInstanceOf(RootMismatchException.class);
  }

  /** T: TestVerifyInclusion's probes {index, size} with an empty proof all fail. */
  @Test
  void inclusion_outOfRangeIndices_fail() {
    MerkleHash some = h("abacaba000000000000000000000000000000000000000000060061e00123456");
    for (long[] p : new long[][] {{0, 0}, {1, 0}, {2, 1}}) {
      assertThatThrownBy(
              () -> ProofVerifier.verifyInclusion(SHA, p[0], p[1], some, List.of(), some))
          .isInstanceOf(LogVerificationException.class);
    }
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(SHA, 0, 1, some, List.of(), h(ROOTS[0])))
        .isInstanceOf(RootMismatchException.class);
  }

  record Probe(
      long index,
      long size,
      MerkleHash root,
      MerkleHash leaf,
      List<MerkleHash> proof,
      String desc) {}

  record ConsistencyProbe(
      long size1,
      long size2,
      MerkleHash root1,
      MerkleHash root2,
      List<MerkleHash> proof,
      String desc) {}

  private static final MerkleHash SOME =
      h("abacaba000000000000000000000000000000000000000000060061e00123456");

  private static List<MerkleHash> with(List<MerkleHash> base, int at, MerkleHash extra) {
    List<MerkleHash> out = new ArrayList<>(base);
    out.add(at < 0 ? out.size() : at, extra);
    return out;
  }

  private static MerkleHash flip(MerkleHash hash, int mask) {
    byte[] b = hash.bytes();
    b[0] ^= (byte) mask;
    return new MerkleHash(b);
  }

  /** T: corruptInclusionProof, minus the byte-length mutations Java's types rule out. */
  static List<Probe> corruptInclusion(
      long index, long size, List<MerkleHash> proof, MerkleHash root, MerkleHash leaf) {
    List<Probe> out = new ArrayList<>();
    out.add(new Probe(index - 1, size, root, leaf, proof, "leafIndex - 1"));
    out.add(new Probe(index + 1, size, root, leaf, proof, "leafIndex + 1"));
    out.add(new Probe(index ^ 2, size, root, leaf, proof, "leafIndex ^ 2"));
    out.add(new Probe(index, size * 2, root, leaf, proof, "treeSize * 2"));
    out.add(new Probe(index, size / 2, root, leaf, proof, "treeSize / 2"));
    out.add(new Probe(index, size, root, SOME, proof, "wrong leaf"));
    out.add(new Probe(index, size, h(ROOTS[0]), leaf, proof, "empty root"));
    out.add(new Probe(index, size, SOME, leaf, proof, "random root"));
    out.add(new Probe(index, size, root, leaf, with(proof, -1, root), "trailing root"));
    out.add(new Probe(index, size, root, leaf, with(proof, 0, root), "preceding root"));
    for (int i = 0; i < proof.size(); i++) {
      List<MerkleHash> wrong = new ArrayList<>(proof);
      wrong.set(i, flip(wrong.get(i), 8));
      out.add(new Probe(index, size, root, leaf, wrong, "modified proof[" + i + "] bit 3"));
    }
    if (!proof.isEmpty()) {
      out.add(
          new Probe(index, size, root, leaf, proof.subList(0, proof.size() - 1), "removed comp"));
    }
    if (proof.size() > 1) {
      out.add(new Probe(index, size, root, leaf, with(proof, 1, SOME), "inserted component"));
    }
    return out;
  }

  /** T: corruptConsistencyProof, minus the byte-length mutations Java's types rule out. */
  static List<ConsistencyProbe> corruptConsistency(
      long size1, long size2, MerkleHash root1, MerkleHash root2, List<MerkleHash> proof) {
    List<ConsistencyProbe> out = new ArrayList<>();
    out.add(new ConsistencyProbe(size1 - 1, size2, root1, root2, proof, "size1 - 1"));
    out.add(new ConsistencyProbe(size1 + 1, size2, root1, root2, proof, "size1 + 1"));
    out.add(new ConsistencyProbe(size1 ^ 2, size2, root1, root2, proof, "size1 ^ 2"));
    out.add(new ConsistencyProbe(size1, size2 * 2, root1, root2, proof, "size2 * 2"));
    out.add(new ConsistencyProbe(size1, size2 / 2, root1, root2, proof, "size2 / 2"));
    out.add(new ConsistencyProbe(size1, size2, SOME, root2, proof, "wrong root1"));
    out.add(new ConsistencyProbe(size1, size2, root1, SOME, proof, "wrong root2"));
    out.add(new ConsistencyProbe(size1, size2, root2, root1, proof, "swapped roots"));
    out.add(new ConsistencyProbe(size1, size2, root1, root2, List.of(), "empty proof"));
    out.add(new ConsistencyProbe(size1, size2, root1, root2, with(proof, -1, root1), "trail r1"));
    out.add(new ConsistencyProbe(size1, size2, root1, root2, with(proof, -1, root2), "trail r2"));
    out.add(new ConsistencyProbe(size1, size2, root1, root2, with(proof, 0, root1), "prec r1"));
    out.add(new ConsistencyProbe(size1, size2, root1, root2, with(proof, 0, root2), "prec r2"));
    out.add(
        new ConsistencyProbe(size1, size2, root1, root2, with(proof, 0, proof.getFirst()), "p0"));
    out.add(
        new ConsistencyProbe(
            size1, size2, root1, root2, proof.subList(0, proof.size() - 1), "truncated proof"));
    for (int i = 0; i < proof.size(); i++) {
      List<MerkleHash> wrong = new ArrayList<>(proof);
      wrong.set(i, flip(wrong.get(i), 16));
      out.add(new ConsistencyProbe(size1, size2, root1, root2, wrong, "modified proof[" + i + "]"));
    }
    return out;
  }
}
