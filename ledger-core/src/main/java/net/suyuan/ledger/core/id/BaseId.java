package net.suyuan.ledger.core.id;

/** A production base (site) where crops are grown. */
public record BaseId(String value) {
  public BaseId {
    IdSyntax.check("base id", IdSyntax.PSEUDONYM, value);
  }

  public static BaseId of(String value) {
    return new BaseId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
