package net.suyuan.ledger.core.id;

/** A refund, unique per ledger. */
public record RefundId(String value) {
  public RefundId {
    IdSyntax.check("refund id", IdSyntax.PSEUDONYM, value);
  }

  public static RefundId of(String value) {
    return new RefundId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
