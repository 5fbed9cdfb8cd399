package net.suyuan.ledger.api.auth;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/** A registered organization. Same invariants as the organization table. */
public record Organization(String orgId, String name, Role role, OffsetDateTime createdAt) {

  public static final Pattern ORG_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

  public Organization {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (!ORG_ID.matcher(orgId).matches()) {
      throw new IllegalArgumentException("orgId must match " + ORG_ID.pattern());
    }
  }
}
