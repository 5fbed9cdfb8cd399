package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * An offline-verifiable inclusion proof in the c2sp.org/tlog-proof@v1 text format: the header,
 * optional {@code extra} data (unauthenticated), the entry's {@code index}, the RFC 9162 §2.1.3.1
 * inclusion path one base64 hash per line (leaf's sibling first), a blank line, and the signed
 * checkpoint verbatim. SM3 logs use the same text with SM3 hashes.
 */
public record TlogProof(
    Optional<byte[]> extra, long index, List<MerkleHash> path, SignedNote checkpoint) {
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** File extension the spec recommends. */
  public static final String FILE_EXTENSION = ".tlog-proof";

  private static final int MAX_PATH = 63;

  public TlogProof {
    extra = extra.map(byte[]::clone);
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    path = List.copyOf(path);
    if (path.size() > MAX_PATH) {
      throw new IllegalArgumentException("inclusion path too long: " + path.size());
    }
    if (checkpoint == null) {
      throw new IllegalArgumentException("checkpoint is required");
    }
  }

  @Override
  public Optional<byte[]> extra() {
    return extra.map(byte[]::clone);
  }

  public String encode() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    extra.ifPresent(e -> out.append("extra ").append(Base64Strict.encode(e)).append('\n'));
    out.append("index ").append(index).append('\n');
    for (MerkleHash h : path) {
      out.append(h.base64()).append('\n');
    }
    return out.append('\n').append(checkpoint.encode()).toString();
  }

  public static TlogProof parse(String text) throws LogFormatException {
    TextLines lines = new TextLines(text, "tlog proof");
    if (!lines.next().equals(HEADER)) {
      throw new LogFormatException("tlog proof is missing its header line " + HEADER);
    }
    String line = lines.next();
    Optional<byte[]> extra = Optional.empty();
    if (line.startsWith("extra ")) {
      extra = Optional.of(Base64Strict.decode(line.substring("extra ".length()), "extra data"));
      line = lines.next();
    }
    if (!line.startsWith("index ")) {
      throw new LogFormatException("tlog proof is missing its index line");
    }
    long index = Checkpoint.parseDecimal(line.substring("index ".length()), "index");
    List<MerkleHash> path = new ArrayList<>();
    for (line = lines.next(); !line.isEmpty(); line = lines.next()) {
      if (path.size() == MAX_PATH) {
        throw new LogFormatException("inclusion path too long");
      }
      path.add(MerkleHash.fromBase64(line));
    }
    return new TlogProof(extra, index, path, SignedNote.parse(lines.rest()));
  }

  /**
   * Verifies the proof (c2sp.org/tlog-proof "Verifying a tlog proof"): the checkpoint against the
   * policy (steps 2-3), then the inclusion of {@code leafHash} (step 1, computed by the caller,
   * e.g. the entry hash) at {@code index} in the checkpointed tree (step 4).
   */
  public VerifiedCheckpoint verify(HashAlg alg, MerkleHash leafHash, CheckpointPolicy policy)
      throws LogFormatException, LogVerificationException {
    VerifiedCheckpoint verified = policy.verify(checkpoint);
    Checkpoint c = verified.checkpoint();
    ProofVerifier.verifyInclusion(alg, index, c.size(), leafHash, path, c.root());
    return verified;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlogProof p
        && index == p.index
        && path.equals(p.path)
        && checkpoint.equals(p.checkpoint)
        && extra.isPresent() == p.extra.isPresent()
        && (extra.isEmpty() || Arrays.equals(extra.get(), p.extra.get()));
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index) * 31 + path.hashCode();
  }
}
