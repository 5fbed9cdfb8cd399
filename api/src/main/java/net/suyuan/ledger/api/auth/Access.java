package net.suyuan.ledger.api.auth;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who a route rule lets in ({@link AccessRules}): a predicate over the request's {@link Caller},
 * and the {@code detail} of the 403 a caller it does not admit gets. No caller (no valid key) is
 * never admitted, and is answered 401 instead. The detail is left on the exchange for the
 * access-denied handler, since Spring Security's decision carries no message.
 */
final class Access implements ReactiveAuthorizationManager<AuthorizationContext> {

  /** Exchange attribute: the 403 detail of the rule that refused the caller. */
  static final String DENIED_DETAIL = Access.class.getName() + ".deniedDetail";

  private final Predicate<Caller> admits;
  private final Function<Caller, String> denied;

  private Access(Predicate<Caller> admits, Function<Caller, String> denied) {
    this.admits = admits;
    this.denied = denied;
  }

  /** Any valid key. */
  static Access anyKey() {
    return new Access(c -> true, c -> "");
  }

  /** The admin key only. */
  static Access adminKey() {
    return new Access(Caller::admin, c -> "an admin key is required");
  }

  /** Keys of organizations with one of {@code roles}. */
  static Access roles(Role first, Role... rest) {
    Set<Role> roles = EnumSet.of(first, rest);
    return new Access(
        c -> roles.contains(c.role()), c -> "role " + c.role().value() + " may not do this");
  }

  /** The admin key, or keys of organizations with one of {@code roles}. */
  static Access adminKeyOrRoles(String deniedDetail, Role first, Role... rest) {
    Set<Role> roles = EnumSet.of(first, rest);
    return new Access(c -> c.admin() || roles.contains(c.role()), c -> deniedDetail);
  }

  @Override
  public Mono<AuthorizationResult> authorize(
      Mono<Authentication> authentication, AuthorizationContext context) {
    return authentication
        .filter(a -> a.isAuthenticated() && a.getPrincipal() instanceof Caller)
        .map(a -> decide((Caller) a.getPrincipal(), context.getExchange()))
        .defaultIfEmpty(new AuthorizationDecision(false));
  }

  private AuthorizationResult decide(Caller caller, ServerWebExchange exchange) {
    if (admits.test(caller)) {
      return new AuthorizationDecision(true);
    }
    exchange.getAttributes().put(DENIED_DETAIL, denied.apply(caller));
    return new AuthorizationDecision(false);
  }
}
