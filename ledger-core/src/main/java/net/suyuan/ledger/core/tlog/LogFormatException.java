package net.suyuan.ledger.core.tlog;

/**
 * Text or bytes that do not follow a transparency-log format (signed note, vkey, checkpoint, tile
 * path, entry bundle, tlog-proof). Distinct from {@link LogVerificationException}: a well-formed
 * object can still fail verification.
 */
public class LogFormatException extends Exception {
  public LogFormatException(String message) {
    super(message);
  }
}
