package net.suyuan.ledger.core.id;

/** A sale, unique per ledger. */
public record SaleId(String value) {
  public SaleId {
    IdSyntax.check("sale id", IdSyntax.PSEUDONYM, value);
  }

  public static SaleId of(String value) {
    return new SaleId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
