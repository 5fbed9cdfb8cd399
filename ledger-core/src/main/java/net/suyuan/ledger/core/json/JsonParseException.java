package net.suyuan.ledger.core.json;

/** Input is not JSON, or not I-JSON (duplicate names, lone surrogates, non-finite numbers). */
public final class JsonParseException extends Exception {
  private final int offset;
  private final String reason;
  private final String path;

  public JsonParseException(String message, int offset) {
    this(message, offset, null);
  }

  /**
   * @param path where in the document, as {@code a.b[2].c}; null when not tracked
   */
  public JsonParseException(String message, int offset, String path) {
    super(message + " at byte " + offset);
    this.offset = offset;
    this.reason = message;
    this.path = path;
  }

  /** Byte offset in the input where the problem was found. */
  public int offset() {
    return offset;
  }

  /** The problem without its position. */
  public String reason() {
    return reason;
  }

  /**
   * The member path of the offending value ({@code events[3].body.quantity}) when the parser
   * tracked it ({@link JsonParser#parseIntegersOnly}), else null.
   */
  public String path() {
    return path;
  }
}
