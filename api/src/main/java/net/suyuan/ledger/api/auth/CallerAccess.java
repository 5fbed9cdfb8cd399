package net.suyuan.ledger.api.auth;

import java.util.Arrays;
import java.util.Optional;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * How handlers ask who is calling. {@link ApiKeyFilter} leaves a {@link Caller} on the exchange for
 * a valid key; these helpers turn its absence into 401 and a wrong role into 403.
 */
public final class CallerAccess {

  /** Exchange attribute holding the {@link Caller}. */
  public static final String ATTRIBUTE = Caller.class.getName();

  private CallerAccess() {}

  public static Optional<Caller> current(ServerWebExchange exchange) {
    return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
  }

  /** The caller, or 401 if the request carried no valid key. */
  public static Mono<Caller> require(ServerWebExchange exchange) {
    return current(exchange)
        .map(Mono::just)
        .orElseGet(
            () ->
                Mono.error(
                    Problems.unauthorized(
                        "a valid API key is required: Authorization: Bearer <secret>")));
  }

  /** The caller if it holds an admin key; 401 without a key, 403 otherwise. */
  public static Mono<Caller> requireAdmin(ServerWebExchange exchange) {
    return require(exchange)
        .flatMap(
            c ->
                c.admin()
                    ? Mono.just(c)
                    : Mono.error(Problems.forbidden("an admin key is required")));
  }

  /** The caller if its organization has one of {@code roles}; 401 without a key, 403 otherwise. */
  public static Mono<Caller> requireRole(ServerWebExchange exchange, Role... roles) {
    return require(exchange)
        .flatMap(
            c ->
                Arrays.asList(roles).contains(c.role())
                    ? Mono.just(c)
                    : Mono.error(
                        Problems.forbidden("role " + c.role().value() + " may not do this")));
  }
}
