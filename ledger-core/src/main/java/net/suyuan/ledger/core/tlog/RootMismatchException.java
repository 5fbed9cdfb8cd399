package net.suyuan.ledger.core.tlog;

/** A proof whose recomputed root differs from the expected one; carries both as evidence. */
public final class RootMismatchException extends LogVerificationException {
  private final MerkleHash expected;
  private final MerkleHash calculated;

  public RootMismatchException(String what, MerkleHash expected, MerkleHash calculated) {
    super(what + ": calculated root " + calculated + " does not match expected " + expected);
    this.expected = expected;
    this.calculated = calculated;
  }

  public MerkleHash expected() {
    return expected;
  }

  public MerkleHash calculated() {
    return calculated;
  }
}
