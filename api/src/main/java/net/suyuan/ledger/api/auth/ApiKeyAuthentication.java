package net.suyuan.ledger.api.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request's API key: before {@link ApiKeyAuthenticationManager} looked it up, the bearer secret
 * alone; after, authenticated, the {@link Caller} it stands for (the principal handlers receive
 * with {@code @AuthenticationPrincipal Caller}). The secret is dropped once resolved and never
 * shown by {@link #toString()}. It carries no granted authorities: {@link AccessRules} decides on
 * the {@link Caller}'s role and admin flag, never on authority strings.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  private final transient String secret;
  private final Caller caller;

  private ApiKeyAuthentication(String secret, Caller caller) {
    super(List.of());
    this.secret = secret;
    this.caller = caller;
    setAuthenticated(caller != null);
  }

  /** What the converter read from {@code Authorization: Bearer <secret>}, not yet checked. */
  static ApiKeyAuthentication unresolved(String secret) {
    return new ApiKeyAuthentication(secret, null);
  }

  /** A valid key: its caller. */
  static ApiKeyAuthentication of(Caller caller) {
    return new ApiKeyAuthentication(null, caller);
  }

  String secret() {
    return secret;
  }

  /** The caller of an authenticated key, null before. */
  Caller caller() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return ""; // the secret is never exposed
  }

  @Override
  public Object getPrincipal() {
    return caller;
  }

  @Override
  public String getName() {
    return caller == null ? "" : caller.keyId();
  }

  @Override
  public String toString() {
    return caller == null
        ? "ApiKeyAuthentication[unresolved]"
        : "ApiKeyAuthentication[" + caller + "]";
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
