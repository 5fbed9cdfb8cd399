package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * c2sp.org/signed-note. Vector sources: golang.org/x/mod {@code sumdb/note/note_test.go} (G: the
 * PeterNeumann and EnochRoot keys, signatures and malformed notes), the spec's own example (S),
 * github.com/transparency-dev/formats {@code note/note_cosigv1_test.go} (T: vkeys, cosignature
 * timestamp), c2sp.org/tlog-cosignature's example (C), sigsum.org/sigsum-go {@code
 * pkg/checkpoint/verifier_test.go} and {@code cosignature_test.go} (Σ: vkeys, a cosignature line),
 * and a production sum.golang.org checkpoint quoted in github.com/sigsum/sigsum's proposals (the
 * {@code GET https://sum.golang.org/lookup/sigsum.org/sigsum-go@v0.14.1-...} output).
 */
class SignedNoteTest {
  static final String PETER_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String PETER_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String ENOCH_VKEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String PETER_SIG =
      "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1679315147), ZoneOffset.UTC);

  private static VerifierKey vkey(String s) throws LogFormatException {
    return VerifierKey.parse(s);
  }

  /** G TestSign: Ed25519 is deterministic, so the whole note is fixed byte for byte. */
  @Test
  void sign_goVector_isByteIdentical() throws Exception {
    SignerKey key = SignerKey.parse(PETER_SKEY);
    assertThat(key.verifierKey().encode()).isEqualTo(PETER_VKEY);
    assertThat(key.encode()).isEqualTo(PETER_SKEY);
    SignedNote note = SignedNote.sign(TEXT, key.signer(CLOCK));
    assertThat(note.encode()).isEqualTo(TEXT + "\n" + PETER_SIG);
  }

  /** G TestOpen. */
  @Test
  void verify_goVectors() throws Exception {
    VerifierKey peter = vkey(PETER_VKEY);
    VerifierKey enoch = vkey(ENOCH_VKEY);
    SignedNote both = SignedNote.parse((TEXT + "\n" + PETER_SIG + ENOCH_SIG).getBytes(UTF_8));
    assertThat(both.text()).isEqualTo(TEXT);
    assertThat(both.signatures()).hasSize(2);
    assertThat(both.encode()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);

    VerifiedNote one = both.verify(List.of(peter));
    assertThat(one.signers()).extracting(VerifiedNote.Signer::key).containsExactly(peter);
    assertThat(one.note().signatures()).hasSize(2); // the unknown signature is kept
    assertThat(both.verify(List.of(peter, enoch)).signers())
        .extracting(VerifiedNote.Signer::key)
        .containsExactly(peter, enoch);
    assertThatThrownBy(() -> both.verify(List.of()))
        .isInstanceOf(LogVerificationException.class)
        .hasMessage("note has no verifiable signatures");
    assertThatThrownBy(
            () -> SignedNote.parse(TEXT + "\n" + ENOCH_SIG).verify(List.of(enoch, peter, enoch)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ambiguous key EnochRoot+af0cfe78");
    // Too many signatures.
    assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(101)))
        .isInstanceOf(LogFormatException.class);
    // Invalid signature from a known key: the whole note is rejected.
    SignedNote corrupt =
        SignedNote.parse(insertAtByte(TEXT + "\n" + PETER_SIG, TEXT.length() + 1 + 60));
    assertThatThrownBy(() -> corrupt.verify(List.of(peter)))
        .isInstanceOf(LogVerificationException.class)
        .hasMessageStartingWith("invalid signature for key PeterNeumann+c74f20a3");
    // A corrupt signature from an unknown key is ignored.
    String enochAbcd = insertAtByte(ENOCH_SIG, 60);
    VerifiedNote mixed =
        SignedNote.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enochAbcd)
            .verify(List.of(peter));
    assertThat(mixed.signers()).extracting(VerifiedNote.Signer::key).containsExactly(peter);
    // A signature under another name is not the known key's.
    assertThatThrownBy(
            () ->
                SignedNote.parse(TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "CarmenSandiego"))
                    .verify(List.of(peter)))
        .isInstanceOf(LogVerificationException.class);
  }

  /** Inserts "ABCD" at a UTF-8 byte offset, as Go's tests slice strings by bytes. */
  private static String insertAtByte(String s, int byteOffset) {
    byte[] b = s.getBytes(UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, byteOffset);
    out.writeBytes("ABCD".getBytes(UTF_8));
    out.write(b, byteOffset, b.length - byteOffset);
    return out.toString(UTF_8);
  }

  /** G TestOpen badMsgs, plus the spec's format rules. */
  @Test
  void parse_rejectsMalformedNotes() {
    String peterNoNewline = PETER_SIG.substring(0, PETER_SIG.length() - 1);
    List<byte[]> bad =
        List.of(
            TEXT.getBytes(UTF_8),
            (TEXT + "\n").getBytes(UTF_8),
            (TEXT + "\n" + peterNoNewline).getBytes(UTF_8),
            ("\u0001" + TEXT + "\n" + PETER_SIG).getBytes(UTF_8),
            concat(new byte[] {(byte) 0xff}, (TEXT + "\n" + PETER_SIG).getBytes(UTF_8)),
            (TEXT + "\n— Bad Name " + PETER_SIG.substring(PETER_SIG.lastIndexOf(' ') + 1))
                .getBytes(UTF_8),
            (TEXT + "\n" + PETER_SIG + "Unexpected line.\n").getBytes(UTF_8),
            (TEXT + "\n" + PETER_SIG.replace("— ", "-- ")).getBytes(UTF_8),
            (TEXT + "\n" + PETER_SIG.replace("— ", "—")).getBytes(UTF_8),
            (TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "Peter+Neumann")).getBytes(UTF_8),
            (TEXT + "\n" + PETER_SIG.replace("=\n", "\n")).getBytes(UTF_8), // unpadded base64
            (TEXT + "\n" + PETER_SIG + "\n").getBytes(UTF_8),
            (TEXT.replace("\n", "\r\n") + "\r\n" + PETER_SIG).getBytes(UTF_8),
            (TEXT + "\t\n" + PETER_SIG).getBytes(UTF_8),
            ("\n" + "— a AAAAAA==\n").getBytes(UTF_8), // signature shorter than 5 bytes
            "x\n\n— PeterNeumann \n".getBytes(UTF_8)); // empty signature
    for (byte[] b : bad) {
      assertThatThrownBy(() -> SignedNote.parse(b))
          .as(new String(b, UTF_8))
          .isInstanceOf(LogFormatException.class);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The text may contain blank lines; it ends at the last one. */
  @Test
  void textWithBlankLines_roundTrips() throws Exception {
    SignerKey key = SignerKey.parse(PETER_SKEY);
    String text = "a\n\nb\n\n";
    SignedNote note = SignedNote.sign(text, key.signer(CLOCK));
    SignedNote parsed = SignedNote.parse(note.encodeUtf8());
    assertThat(parsed).isEqualTo(note);
    parsed.verify(List.of(key.verifierKey()));
  }

  /** S: the example vkey verifies the example note. */
  @Test
  void specExample_verifies() throws Exception {
    VerifierKey k = vkey("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
    String note =
        "This is an example message.\n\n— example.com/foo"
            + " Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    assertThat(SignedNote.parse(note).verify(List.of(k)).isSignedBy(k)).isTrue();
    String tampered = note.replace("example message", "example massage");
    assertThatThrownBy(() -> SignedNote.parse(tampered).verify(List.of(k)))
        .isInstanceOf(LogVerificationException.class);
  }

  /** G TestNewVerifier: every truncation and every one-byte change of the vkey is rejected. */
  @Test
  void vkey_goManglings_areRejected() throws Exception {
    assertThat(vkey(PETER_VKEY).encode()).isEqualTo(PETER_VKEY);
    byte[] b = PETER_VKEY.getBytes(UTF_8);
    for (int i = 0; i <= b.length; i++) {
      for (int j = i + 1; j <= b.length; j++) {
        if (i != 0 || j != b.length) {
          String s = new String(b, i, j - i, UTF_8);
          assertThatThrownBy(() -> VerifierKey.parse(s))
              .as(s)
              .isInstanceOf(LogFormatException.class);
        }
      }
    }
    for (int i = 0; i < b.length; i++) {
      b[i]++;
      String s = new String(b, UTF_8);
      assertThatThrownBy(() -> VerifierKey.parse(s)).as(s).isInstanceOf(LogFormatException.class);
      b[i]--;
    }
    // Wrong length key, with adjusted key hash; unknown algorithm, with adjusted key hash.
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
        .isInstanceOf(LogFormatException.class);
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
        .isInstanceOf(LogFormatException.class);
  }

  /** G TestNewSigner: every truncation and every one-byte change of the private key is rejected. */
  @Test
  void skey_goManglings_areRejected() {
    byte[] b = PETER_SKEY.getBytes(UTF_8);
    for (int i = 0; i <= b.length; i++) {
      for (int j = i + 1; j <= b.length; j++) {
        if (i != 0 || j != b.length) {
          String s = new String(b, i, j - i, UTF_8);
          assertThatThrownBy(() -> SignerKey.parse(s)).as(s).isInstanceOf(LogFormatException.class);
        }
      }
    }
    for (int i = 0; i < b.length; i++) {
      b[i]++;
      String s = new String(b, UTF_8);
      assertThatThrownBy(() -> SignerKey.parse(s)).as(s).isInstanceOf(LogFormatException.class);
      b[i]--;
    }
  }

  /** T TestCoSigV1NewVerifier. */
  @Test
  void vkeys_fromTransparencyDevFormats() throws Exception {
    VerifierKey ed = vkey("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6");
    assertThat(ed.algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
    VerifierKey cosig =
        vkey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
    assertThat(cosig.algorithm()).isEqualTo(SignatureAlgorithm.COSIGNATURE_V1);
    for (String bad :
        List.of(
            "bananas.sigstore.dev+12344556",
            "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!",
            "rekor.sigstore.dev+12345678+AwEB",
            "rekor.sigstore.dev+NOT_A_NUMBER+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
            "remora.n621.de+00000000+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2",
            "remora.n621.de+DA77ADE7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2")) {
      assertThatThrownBy(() -> VerifierKey.parse(bad))
          .as(bad)
          .isInstanceOf(LogFormatException.class);
    }
  }

  /** Σ TestNewNoteVerifier, TestGoSumDBVerifier: key IDs computed by another implementation. */
  @Test
  void vkeys_fromSigsum() throws Exception {
    String cosigner = "example.org/key+57bfe580+BAFFLINGNESS+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    VerifierKey k = vkey(cosigner);
    assertThat(k.algorithm()).isEqualTo(SignatureAlgorithm.COSIGNATURE_V1);
    assertThat(VerifierKey.of(k.name(), k.algorithm(), k.publicKey()).encode()).isEqualTo(cosigner);
    assertThatThrownBy(
            () -> vkey("example.org/key+01020304+BAFFLINGNESS+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .isInstanceOf(LogFormatException.class);
    assertThat(vkey(GO_SUMDB_VKEY).algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
  }

  static final String GO_SUMDB_VKEY =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

  /** A real checkpoint of Go's checksum database verifies, and fails once altered. */
  @Test
  void goChecksumDatabaseCheckpoint_verifies() throws Exception {
    String note =
        "go.sum database tree\n49189689\nftjbAOzaupaIvaPo/G+Dk63nxOZ2s1OPOKIaPtXs7S4=\n\n"
            + "— sum.golang.org Az3grlKZssqRoMNPpZfKt0TphbbcF+pzXqElURJKRNFKfaUAgqeI5k2AORH0QAhg/ebRwyIqD/OqP4oLtLnNumvOBAM=\n";
    CheckpointPolicy policy = CheckpointPolicy.logOnly("go.sum database tree", vkey(GO_SUMDB_VKEY));
    VerifiedCheckpoint v = policy.verify(SignedNote.parse(note));
    assertThat(v.checkpoint().size()).isEqualTo(49189689L);
    assertThat(v.checkpoint().root().base64())
        .isEqualTo("ftjbAOzaupaIvaPo/G+Dk63nxOZ2s1OPOKIaPtXs7S4=");
    assertThat(SignedNote.parse(note).encode()).isEqualTo(note);
    assertThatThrownBy(() -> policy.verify(SignedNote.parse(note.replace("49189689", "49189690"))))
        .isInstanceOf(LogVerificationException.class);
  }

  /** Σ TestCosignatureLineToASCII: the line layout of a cosignature, byte for byte. */
  @Test
  void cosignatureLine_matchesSigsumEncoding() throws Exception {
    byte[] sig = new byte[72];
    long t = 0xe79ff9d79a75ca1dL;
    for (int i = 0; i < 8; i++) {
      sig[i] = (byte) (t >>> (56 - 8 * i));
    }
    sig[8] = (byte) 253;
    sig[9] = (byte) 202;
    sig[10] = 29;
    String line =
        "— example.org/witness-key deadbeef+deadcod/codAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n";
    assertThat(new NoteSignature("example.org/witness-key", 0x75e69d6d, sig).line())
        .isEqualTo(line);
    SignedNote parsed = SignedNote.parse("x\n\n" + line);
    assertThat(parsed.signatures().getFirst().keyId()).isEqualTo(0x75e69d6d);
    // Its timestamp exceeds 2^63 - 1: it parses, but can never verify.
    assertThat(Cosignature.timestamp(parsed.signatures().getFirst().signature())).isNegative();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a+b", "a\u00a0b", "a\u2003b", "a\u0085b", "a\tb"})
  void keyNames_withSpacesOrPlus_areRejected(String name) {
    assertThatThrownBy(() -> KeyId.checkName(name)).isInstanceOf(IllegalArgumentException.class);
  }

  /** C: the message layout, and the timestamp in the example's cosignature line. */
  @Test
  void cosignature_messageAndTimestamp_matchSpecExample() {
    String body =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    assertThat(Cosignature.message(1679315147, body))
        .isEqualTo(
            "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    byte[] line =
        Base64.getDecoder()
            .decode(
                "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");
    assertThat(Cosignature.timestamp(java.util.Arrays.copyOfRange(line, 4, line.length)))
        .isEqualTo(1679315147L);
    // T TestCosignatureTimestamp.
    byte[] t =
        Base64.getDecoder()
            .decode(
                "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==");
    assertThat(Cosignature.timestamp(java.util.Arrays.copyOfRange(t, 4, t.length)))
        .isEqualTo(1727964367L);
  }

  @Test
  void cosignature_signsTimestampedMessage_andRejectsTampering() throws Exception {
    SignerKey witness =
        SignerKey.generate("witness.example/w1", SignatureAlgorithm.ED25519, new SecureRandom())
            .asCosignatureKey();
    VerifierKey wkey = witness.verifierKey();
    assertThat(wkey.algorithm()).isEqualTo(SignatureAlgorithm.COSIGNATURE_V1);
    assertThat(wkey.keyId())
        .isNotEqualTo(
            new SignerKey(witness.name(), SignatureAlgorithm.ED25519, witness.privateKey())
                .verifierKey()
                .keyId());
    String body = "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nExtendo\n";
    NoteSignature cosig = witness.signer(CLOCK).sign(body);
    byte[] sig = cosig.signature();
    assertThat(Cosignature.timestamp(sig)).isEqualTo(1679315147L);
    // The Ed25519 part signs exactly the spec's message.
    assertThat(
            NoteCrypto.ed25519Verify(
                wkey.publicKey(),
                Cosignature.message(1679315147, body).getBytes(UTF_8),
                java.util.Arrays.copyOfRange(sig, 8, sig.length)))
        .isTrue();
    SignedNote note = new SignedNote(body, List.of(cosig));
    VerifiedNote v = note.verify(List.of(wkey));
    assertThat(v.signers().getFirst().timestamp()).isEqualTo(OptionalLong.of(1679315147L));
    // The extension line is covered (T TestSigCoversExtensionLines).
    SignedNote changed = new SignedNote(body.replace("Extendo", "Extend@"), List.of(cosig));
    assertThatThrownBy(() -> changed.verify(List.of(wkey)))
        .isInstanceOf(LogVerificationException.class);
    // So is the timestamp.
    sig[7]++;
    SignedNote retimed =
        new SignedNote(body, List.of(new NoteSignature(cosig.keyName(), cosig.keyId(), sig)));
    assertThatThrownBy(() -> retimed.verify(List.of(wkey)))
        .isInstanceOf(LogVerificationException.class);
    // A timestamp above 2^63 - 1 is refused.
    sig[7]--;
    sig[0] = (byte) 0x80;
    SignedNote huge =
        new SignedNote(body, List.of(new NoteSignature(cosig.keyName(), cosig.keyId(), sig)));
    assertThatThrownBy(() -> huge.verify(List.of(wkey)))
        .isInstanceOf(LogVerificationException.class);
  }

  @Test
  void sm2_signsVerifiesAndUsesTheDocumentedTypeIdentifier() throws Exception {
    SignerKey key =
        SignerKey.generate("example.com/log", SignatureAlgorithm.SM2, new SecureRandom());
    assertThat(SignerKey.parse(key.encode())).isEqualTo(key);
    VerifierKey vk = key.verifierKey();
    assertThat(VerifierKey.parse(vk.encode())).isEqualTo(vk);
    byte[] typeAndKey = Base64.getDecoder().decode(vk.encode().split("\\+", 3)[2]);
    assertThat(typeAndKey[0]).isEqualTo((byte) 0xff);
    assertThat(new String(typeAndKey, 1, 28, UTF_8)).isEqualTo("suyuan.net/ledger/sm2-sm3@v1");
    assertThat(typeAndKey).hasSize(1 + 28 + 65);
    assertThat(typeAndKey[29]).isEqualTo((byte) 0x04);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update("example.com/log\n".getBytes(UTF_8));
    byte[] id = sha.digest(typeAndKey);
    assertThat(vk.keyId())
        .isEqualTo(
            ((id[0] & 0xFF) << 24)
                | ((id[1] & 0xFF) << 16)
                | ((id[2] & 0xFF) << 8)
                | (id[3] & 0xFF));

    String text = "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    SignerKey ed =
        SignerKey.generate("example.com/log", SignatureAlgorithm.ED25519, new SecureRandom());
    SignedNote note = SignedNote.sign(text, ed.signer(CLOCK), key.signer(CLOCK));
    assertThat(note.signatures().get(1).signature()).hasSize(64);
    VerifiedNote v = SignedNote.parse(note.encode()).verify(List.of(ed.verifierKey(), vk));
    assertThat(v.isSignedBy(vk)).isTrue();
    assertThat(v.isSignedBy(ed.verifierKey())).isTrue();
    SignedNote tampered = new SignedNote(text.replace("\n1\n", "\n2\n"), note.signatures());
    assertThatThrownBy(() -> tampered.verify(List.of(vk)))
        .isInstanceOf(LogVerificationException.class);
  }
}
