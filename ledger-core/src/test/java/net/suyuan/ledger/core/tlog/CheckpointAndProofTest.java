package net.suyuan.ledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.hash.HashAlg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * c2sp.org/tlog-checkpoint and c2sp.org/tlog-proof@v1. Vector sources: golang.org/x/mod {@code
 * sumdb/tlog/note_test.go} TestFormatTree/TestParseTree (G), the tlog-checkpoint spec example (S),
 * github.com/transparency-dev/merkle {@code proof/tlog_proof_test.go} TestVerifyTLogProofErrors (T)
 * and {@code proof/verify_test.go} (the 8-leaf tree, via {@link MerkleVectorsTest}).
 */
class CheckpointAndProofTest {
  static final HashAlg SHA = HashAlg.SHA_256;

  /** G: FormatTree/ParseTree golden text (a checkpoint body). */
  @Test
  void checkpoint_goVector_roundTrips() throws Exception {
    String golden =
        "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";
    MerkleHash h = new TreeHasher(SHA).leaf("hello world".getBytes());
    Checkpoint c = new Checkpoint("go.sum database tree", 123456789012L, h);
    assertThat(c.body()).isEqualTo(golden);
    assertThat(Checkpoint.parse(golden)).isEqualTo(c);
  }

  /** S: the example body, with its extension-free three lines. */
  @Test
  void checkpoint_specExample_parses() throws Exception {
    String body =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    Checkpoint c = Checkpoint.parse(body);
    assertThat(c.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(c.size()).isEqualTo(20852163);
    assertThat(c.extensions()).isEmpty();
    Checkpoint ext = Checkpoint.parse(body + "ext one\nx\n");
    assertThat(ext.extensions()).containsExactly("ext one", "x");
    assertThat(ext.body()).isEqualTo(body + "ext one\nx\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // G badTrees
        "not-go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
        // the spec's line rules
        "\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n01\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n+1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n 1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n9223372036854775808\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0\n",
        "o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=",
        "o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n\n",
        "o\n1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\next\n\n",
        "o\n1\n",
        "o\n1\nAAAA\n",
      })
  void checkpoint_malformed_isRejected(String text) {
    assertThatThrownBy(() -> Checkpoint.parse(text)).isInstanceOf(LogFormatException.class);
  }

  private static SignerKey peter() throws LogFormatException {
    return SignerKey.parse(SignedNoteTest.PETER_SKEY);
  }

  /** The 8-leaf tree of MerkleVectorsTest: leaf 5's proof {6, 8} from transparency-dev. */
  private static TlogProof proofOfLeaf5(List<SignerKey> witnesses) throws Exception {
    MemoryHashStore store = MemoryHashStore.of(SHA, MerkleVectorsTest.leaves());
    Checkpoint c = new Checkpoint("PeterNeumann", 8, MerkleTree.root(SHA, 8, store));
    SignedNote note = SignedNote.sign(c.body(), peter().signer(SignedNoteTest.CLOCK));
    for (SignerKey w : witnesses) {
      note = note.withSignatures(List.of(w.signer(SignedNoteTest.CLOCK).sign(c.body())));
    }
    return new TlogProof(
        Optional.of("extra information".getBytes()),
        5,
        MerkleTree.inclusionProof(SHA, 5, 8, store),
        note);
  }

  @Test
  void tlogProof_encodesParsesAndVerifies() throws Exception {
    TlogProof proof = proofOfLeaf5(List.of());
    String text = proof.encode();
    assertThat(text)
        .startsWith(
            "c2sp.org/tlog-proof@v1\nextra "
                + Base64.getEncoder().encodeToString("extra information".getBytes())
                + "\nindex 5\n"
                + "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=\n"
                + "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=\n"
                + "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=\n"
                + "\nPeterNeumann\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n— PeterNeumann ");
    TlogProof parsed = TlogProof.parse(text);
    assertThat(parsed).isEqualTo(proof);
    assertThat(parsed.encode()).isEqualTo(text);
    MerkleHash leaf = MerkleVectorsTest.leaves().get(5);
    CheckpointPolicy policy = CheckpointPolicy.logOnly("PeterNeumann", peter().verifierKey());
    VerifiedCheckpoint v = parsed.verify(SHA, leaf, policy);
    assertThat(v.checkpoint().size()).isEqualTo(8);

    TlogProof bare = new TlogProof(Optional.empty(), 5, proof.path(), proof.checkpoint());
    assertThat(bare.encode()).startsWith("c2sp.org/tlog-proof@v1\nindex 5\n");
    assertThat(TlogProof.parse(bare.encode())).isEqualTo(bare);
  }

  @Test
  void tlogProof_tamperingInAnyField_isRejected() throws Exception {
    TlogProof proof = proofOfLeaf5(List.of());
    MerkleHash leaf = MerkleVectorsTest.leaves().get(5);
    CheckpointPolicy policy = CheckpointPolicy.logOnly("PeterNeumann", peter().verifierKey());
    String text = proof.encode();
    // Wrong leaf, wrong index.
    assertThatThrownBy(() -> proof.verify(SHA, MerkleVectorsTest.leaves().get(4), policy))
        .isInstanceOf(RootMismatchException.class);
    assertThatThrownBy(
            () -> TlogProof.parse(text.replace("index 5", "index 4")).verify(SHA, leaf, policy))
        .isInstanceOf(LogVerificationException.class);
    // A path hash changed.
    String badPath = text.replace("vBoGQ7EuTS18", "vBoGQ7EuTS19");
    assertThatThrownBy(() -> TlogProof.parse(badPath).verify(SHA, leaf, policy))
        .isInstanceOf(RootMismatchException.class);
    // The checkpoint's size or root changed: the log signature fails.
    String badSize = text.replace("\nPeterNeumann\n8\n", "\nPeterNeumann\n9\n");
    assertThatThrownBy(() -> TlogProof.parse(badSize).verify(SHA, leaf, policy))
        .isInstanceOf(LogVerificationException.class);
    // Another origin, or another log key.
    assertThatThrownBy(
            () ->
                proof.verify(
                    SHA,
                    leaf,
                    CheckpointPolicy.logOnly("example.com/other", peter().verifierKey())))
        .isInstanceOf(LogVerificationException.class);
    VerifierKey enoch = VerifierKey.parse(SignedNoteTest.ENOCH_VKEY);
    assertThatThrownBy(
            () -> proof.verify(SHA, leaf, CheckpointPolicy.logOnly("PeterNeumann", enoch)))
        .isInstanceOf(LogVerificationException.class);
    // The same proof is not valid in an SM3 log.
    assertThatThrownBy(() -> proof.verify(HashAlg.SM3, leaf, policy))
        .isInstanceOf(RootMismatchException.class);
  }

  @Test
  void witnessQuorum_isEnforced() throws Exception {
    SecureRandom random = new SecureRandom();
    SignerKey w1 = SignerKey.generate("w1.example", SignatureAlgorithm.COSIGNATURE_V1, random);
    SignerKey w2 = SignerKey.generate("w2.example", SignatureAlgorithm.COSIGNATURE_V1, random);
    SignerKey w3 = SignerKey.generate("w3.example", SignatureAlgorithm.COSIGNATURE_V1, random);
    TlogProof proof = proofOfLeaf5(List.of(w1, w2));
    MerkleHash leaf = MerkleVectorsTest.leaves().get(5);
    List<VerifierKey> witnesses = List.of(w1.verifierKey(), w2.verifierKey(), w3.verifierKey());
    VerifierKey log = peter().verifierKey();
    VerifiedCheckpoint v =
        TlogProof.parse(proof.encode())
            .verify(SHA, leaf, new CheckpointPolicy("PeterNeumann", List.of(log), witnesses, 2));
    assertThat(v.cosigners())
        .extracting(s -> s.key().name())
        .containsExactly("w1.example", "w2.example");
    assertThat(v.cosigners().getFirst().timestamp()).hasValue(1679315147L);
    assertThatThrownBy(
            () ->
                proof.verify(
                    SHA, leaf, new CheckpointPolicy("PeterNeumann", List.of(log), witnesses, 3)))
        .isInstanceOf(LogVerificationException.class)
        .hasMessageContaining("2 of the 3");
    // A cosignature that fails from a trusted witness rejects the checkpoint.
    NoteSignature good = proof.checkpoint().signatures().get(1);
    byte[] sig = good.signature();
    sig[20] ^= 1;
    SignedNote forged =
        new SignedNote(
            proof.checkpoint().text(),
            List.of(
                proof.checkpoint().signatures().get(0),
                new NoteSignature(good.keyName(), good.keyId(), sig)));
    assertThatThrownBy(
            () -> new CheckpointPolicy("PeterNeumann", List.of(log), witnesses, 1).verify(forged))
        .isInstanceOf(LogVerificationException.class);
    // Signed only by witnesses, not by the log: rejected.
    SignedNote witnessOnly =
        new SignedNote(proof.checkpoint().text(), proof.checkpoint().signatures().subList(1, 3));
    assertThatThrownBy(
            () ->
                new CheckpointPolicy("PeterNeumann", List.of(log), witnesses, 1)
                    .verify(witnessOnly))
        .isInstanceOf(LogVerificationException.class);
  }

  /** T: TestVerifyTLogProofErrors inputs are all malformed. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "wrong-header\nindex 0\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nextra !!notbase64!!\nindex 0\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\n\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex notanumber\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex -5\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n!!notbase64!!\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n\ncheckpoint\n",
        "c2sp.org/tlog-proof@v1\nindex 0\n",
        "c2sp.org/tlog-proof@v1\nindex 01\n\ncheckpoint\n\n— a AAAAAAA=\n",
        // but
      })
  void tlogProof_malformed_isRejected(String text) {
    assertThatThrownBy(() -> TlogProof.parse(text)).isInstanceOf(LogFormatException.class);
  }

  /** A well-formed proof whose note text is not a checkpoint fails when verified. */
  @Test
  void tlogProof_noteThatIsNotACheckpoint_isRejectedOnVerify() throws Exception {
    TlogProof proof =
        TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 0\n\ncheckpoint\n\n— a AAAAAAA=\n");
    CheckpointPolicy policy = CheckpointPolicy.logOnly("checkpoint", peter().verifierKey());
    assertThatThrownBy(() -> proof.verify(SHA, new MerkleHash(new byte[32]), policy))
        .isInstanceOf(LogFormatException.class);
  }

  @Test
  void leafHashesInVectors_areHex() {
    assertThat(
            HexFormat.of()
                .formatHex(
                    Base64.getDecoder().decode("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")))
        .isEqualTo(MerkleVectorsTest.ROOTS[8]);
  }
}
