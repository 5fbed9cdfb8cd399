package net.suyuan.ledger.api.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * API-key authentication: {@code Authorization: Bearer <secret>} is read by {@link #converter()}
 * and resolved by {@link #authenticate} over {@link ApiKeyStore} (and its {@link KeyCache}) to the
 * {@link Caller} it stands for. A request without such a header, with an empty or over-long secret,
 * or with a key that is unknown or revoked, goes on without a caller: public routes answer it as
 * before, the others 401 ({@link AccessRules}). A database failure during the lookup is no
 * authentication failure: it propagates and is answered 503 ({@code http.ProblemExceptionHandler}).
 */
final class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

  private static final String BEARER = "Bearer ";
  private static final int MAX_SECRET_LENGTH = 256;

  private final ApiKeyStore keys;

  ApiKeyAuthenticationManager(ApiKeyStore keys) {
    this.keys = keys;
  }

  /** The bearer secret of a request, unchecked; empty when there is none worth looking up. */
  static ServerAuthenticationConverter converter() {
    return ApiKeyAuthenticationManager::convert;
  }

  private static Mono<Authentication> convert(ServerWebExchange exchange) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Mono.empty();
    }
    String secret = header.substring(BEARER.length()).trim();
    if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
      return Mono.empty();
    }
    return Mono.just(ApiKeyAuthentication.unresolved(secret));
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    if (!(authentication instanceof ApiKeyAuthentication key) || key.secret() == null) {
      return Mono.error(new BadCredentialsException("not an API key"));
    }
    return keys.findActive(key.secret())
        .<Authentication>map(ApiKeyAuthentication::of)
        .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or revoked key")));
  }
}
