package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * What a client trusts (c2sp.org/tlog-proof "Verifying a tlog proof" steps 2-3): the log's origin,
 * the log keys that must all have signed (an Ed25519 key, optionally an SM2 one), and the witness
 * cosigner keys of which at least {@code quorum} must have cosigned.
 */
public record CheckpointPolicy(
    String origin, List<VerifierKey> logKeys, List<VerifierKey> witnesses, int quorum) {
  public CheckpointPolicy {
    logKeys = List.copyOf(logKeys);
    witnesses = List.copyOf(witnesses);
    if (origin.isEmpty()) {
      throw new IllegalArgumentException("origin must not be empty");
    }
    if (logKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one log key is required");
    }
    for (VerifierKey k : logKeys) {
      if (k.algorithm() == SignatureAlgorithm.COSIGNATURE_V1) {
        throw new IllegalArgumentException("log key " + k + " is a cosigner key");
      }
    }
    for (VerifierKey w : witnesses) {
      if (w.algorithm() != SignatureAlgorithm.COSIGNATURE_V1) {
        throw new IllegalArgumentException("witness key " + w + " is not a cosignature key");
      }
    }
    if (quorum < 0 || quorum > witnesses.size()) {
      throw new IllegalArgumentException("quorum must be in [0, " + witnesses.size() + "]");
    }
  }

  /** A policy trusting the log's key alone, no witnesses. */
  public static CheckpointPolicy logOnly(String origin, VerifierKey logKey) {
    return new CheckpointPolicy(origin, List.of(logKey), List.of(), 0);
  }

  /**
   * Verifies a signed checkpoint: origin, every log key's signature, and a quorum of witness
   * cosignatures. A failing signature by any trusted key rejects the checkpoint.
   */
  public VerifiedCheckpoint verify(SignedNote note)
      throws LogFormatException, LogVerificationException {
    Checkpoint checkpoint = Checkpoint.parse(note.text());
    if (!checkpoint.origin().equals(origin)) {
      throw new LogVerificationException(
          "checkpoint origin \"" + checkpoint.origin() + "\" is not \"" + origin + "\"");
    }
    List<VerifierKey> known = new ArrayList<>(logKeys);
    known.addAll(witnesses);
    VerifiedNote verified = note.verify(known);
    for (VerifierKey k : logKeys) {
      if (!verified.isSignedBy(k)) {
        throw new LogVerificationException("checkpoint is not signed by log key " + k);
      }
    }
    List<VerifiedNote.Signer> cosigners =
        verified.signers().stream().filter(s -> witnesses.contains(s.key())).toList();
    if (cosigners.size() < quorum) {
      throw new LogVerificationException(
          "checkpoint has "
              + cosigners.size()
              + " of the "
              + quorum
              + " witness cosignatures required");
    }
    return new VerifiedCheckpoint(checkpoint, note, cosigners);
  }
}
