package net.suyuan.ledger.core.id;

/** A Digital Link URI that is not valid, naming the part at fault: gtin, lot, serial or uri. */
public final class DigitalLinkException extends IllegalArgumentException {
  private final String field;

  public DigitalLinkException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** {@code gtin}, {@code lot}, {@code serial} or {@code uri}. */
  public String field() {
    return field;
  }
}
