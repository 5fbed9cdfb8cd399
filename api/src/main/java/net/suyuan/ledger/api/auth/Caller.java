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
}
