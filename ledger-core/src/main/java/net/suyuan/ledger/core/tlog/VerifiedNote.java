package net.suyuan.ledger.core.tlog;

import java.util.List;
import java.util.OptionalLong;

/**
 * A signed note whose {@code signers} were verified by {@link SignedNote#verify}; only that method
 * creates one outside this package.
 */
public final class VerifiedNote {
  /** A key whose signature verified, with the cosignature timestamp for type 0x04. */
  public record Signer(VerifierKey key, OptionalLong timestamp) {}

  private final SignedNote note;
  private final List<Signer> signers;

  VerifiedNote(SignedNote note, List<Signer> signers) {
    this.note = note;
    this.signers = List.copyOf(signers);
  }

  public SignedNote note() {
    return note;
  }

  public String text() {
    return note.text();
  }

  public List<Signer> signers() {
    return signers;
  }

  public boolean isSignedBy(VerifierKey key) {
    return signers.stream().anyMatch(s -> s.key().equals(key));
  }
}
