package net.suyuan.ledger.core.json;

/** Input is not JSON, or not I-JSON (duplicate names, lone surrogates, non-finite numbers). */
public final class JsonParseException extends Exception {
  private final int offset;

  public JsonParseException(String message, int offset) {
    super(message + " at byte " + offset);
    this.offset = offset;
  }

  /** Byte offset in the input where the problem was found. */
  public int offset() {
    return offset;
  }
}
