package net.suyuan.ledger.core.id;

/** An organisation (cooperative, processor, inspector, seller) as it signs ledger entries. */
public record OrgId(String value) {
  public OrgId {
    IdSyntax.check("organisation id", IdSyntax.ORG, value);
  }

  public static OrgId of(String value) {
    return new OrgId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
