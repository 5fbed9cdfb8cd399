package net.suyuan.ledger.core.tlog;

import java.util.List;

/**
 * A checkpoint that passed {@link CheckpointPolicy#verify}: signed by the log and cosigned by
 * {@code cosigners} (with their timestamps). Only that method creates one outside this package.
 */
public final class VerifiedCheckpoint {
  private final Checkpoint checkpoint;
  private final SignedNote note;
  private final List<VerifiedNote.Signer> cosigners;

  VerifiedCheckpoint(Checkpoint checkpoint, SignedNote note, List<VerifiedNote.Signer> cosigners) {
    this.checkpoint = checkpoint;
    this.note = note;
    this.cosigners = List.copyOf(cosigners);
  }

  public Checkpoint checkpoint() {
    return checkpoint;
  }

  public SignedNote note() {
    return note;
  }

  public List<VerifiedNote.Signer> cosigners() {
    return cosigners;
  }
}
