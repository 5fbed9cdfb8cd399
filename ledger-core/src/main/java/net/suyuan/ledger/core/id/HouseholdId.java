package net.suyuan.ledger.core.id;

/** A farming household, pseudonymously; names and phone numbers live outside the ledger. */
public record HouseholdId(String value) {
  public HouseholdId {
    IdSyntax.check("household id", IdSyntax.PSEUDONYM, value);
  }

  public static HouseholdId of(String value) {
    return new HouseholdId(value);
  }

  /** Whether {@code value} is a household id ({@link #of} would accept it); false for null. */
  public static boolean isValid(String value) {
    return value != null && IdSyntax.matches(IdSyntax.PSEUDONYM, value);
  }

  @Override
  public String toString() {
    return value;
  }
}
