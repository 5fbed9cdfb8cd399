package net.suyuan.ledger.core.id;

/** A published product standard; its versions are numbered separately. */
public record StandardId(String value) {
  public StandardId {
    IdSyntax.check("standard id", IdSyntax.PSEUDONYM, value);
  }

  public static StandardId of(String value) {
    return new StandardId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
