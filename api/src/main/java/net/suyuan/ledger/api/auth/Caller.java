package net.suyuan.ledger.api.auth;

import java.util.Objects;

/**
 * The authenticated organization behind a request, resolved from its bearer key.
 *
 * @param orgId organization the key belongs to
 * @param role that organization's role
 * @param admin whether the key is an admin key
 * @param keyId the key used (safe to log)
 */
public record Caller(String orgId, Role role, boolean admin, String keyId) {

  public Caller {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(keyId, "keyId");
  }

  /**
   * Whose households' data this caller sees: null for every household (a {@code social_org} or
   * {@code auditor} key, the admin's included), otherwise only those enrolled with its own
   * organization (a cooperative's own households; none for any other role). The one rule behind
   * "its own households only" in docs/api.md: {@link HouseholdAccess} applies it to one household,
   * the households CSV to its rows. Which roles reach household data at all is the route rules'.
   */
  public String householdsOf() {
    return switch (role) {
      case SOCIAL_ORG, AUDITOR -> null;
      case COOPERATIVE, PROCESSOR, INSPECTOR, SELLER -> orgId;
    };
  }

  /** Whether this caller sees the data of a household enrolled with {@code cooperative}. */
  public boolean seesHouseholdOf(String cooperative) {
    String only = householdsOf();
    return only == null || only.equals(cooperative);
  }
}
