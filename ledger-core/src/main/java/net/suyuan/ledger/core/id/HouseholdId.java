package net.suyuan.ledger.core.id;

/** A farming household, pseudonymously; names and phone numbers live outside the ledger. */
public record HouseholdId(String value) {
  public HouseholdId {
    IdSyntax.check("household id", IdSyntax.PSEUDONYM, value);
  }

  public static HouseholdId of(String value) {
    return new HouseholdId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
