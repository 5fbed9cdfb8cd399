package net.suyuan.ledger.api.auth;

import java.util.Objects;

/**
 * A freshly issued key. The secret is returned to the client exactly once and never stored.
 *
 * @param keyId public identifier
 * @param orgId organization the key acts for
 * @param secret bearer secret, {@code lk_...}
 */
public record IssuedKey(String keyId, String orgId, String secret) {

  public IssuedKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(secret, "secret");
  }

  @Override
  public String toString() {
    return "IssuedKey[keyId=" + keyId + ", orgId=" + orgId + ", secret=<redacted>]";
  }
}
