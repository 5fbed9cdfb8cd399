package net.suyuan.ledger.core.tlog;

/**
 * A proof, signature or checkpoint that does not verify. Thrown (never returned) so that a failed
 * verification cannot be ignored by accident.
 */
public class LogVerificationException extends Exception {
  public LogVerificationException(String message) {
    super(message);
  }
}
