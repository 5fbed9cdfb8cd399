package net.suyuan.ledger.core.verify;

/** A chain failed verification; {@link #failure()} says where and why. */
public final class ChainVerificationException extends Exception {
  private final Failure failure;

  public ChainVerificationException(Failure failure) {
    super(failure.toString());
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
