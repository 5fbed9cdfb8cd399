package net.suyuan.ledger.api.household;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Personal data of a household. Mutable in the database and never part of a hashed entry: ledger
 * entries refer to the household only by its pseudonymous {@code householdId}.
 */
public record HouseholdProfile(
    String householdId,
    String cooperativeOrgId,
    String displayName,
    String phone,
    String idNumber,
    String village,
    OffsetDateTime updatedAt) {

  /** Pseudonymous household ids: no names, no ID numbers. */
  public static final Pattern HOUSEHOLD_ID = Pattern.compile("^[A-Za-z0-9._-]{1,32}$");

  public HouseholdProfile {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(cooperativeOrgId, "cooperativeOrgId");
    Objects.requireNonNull(displayName, "displayName");
  }

  public static boolean isValidId(String householdId) {
    return householdId != null && HOUSEHOLD_ID.matcher(householdId).matches();
  }

  @Override
  public String toString() {
    // Keep personal data out of logs.
    return "HouseholdProfile[householdId="
        + householdId
        + ", cooperative="
        + cooperativeOrgId
        + "]";
  }
}
