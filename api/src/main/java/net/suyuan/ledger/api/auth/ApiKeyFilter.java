package net.suyuan.ledger.api.auth;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves {@code Authorization: Bearer <secret>} to a {@link Caller} on the exchange. It decides
 * nothing: a request without a valid key continues anonymously, and each protected handler asks
 * {@link CallerAccess} (which answers 401/403). Public reads therefore need no key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiKeyFilter implements WebFilter {

  private static final String BEARER = "Bearer ";
  private static final int MAX_SECRET_LENGTH = 256;

  private final ApiKeyStore keys;

  public ApiKeyFilter(ApiKeyStore keys) {
    this.keys = keys;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return chain.filter(exchange);
    }
    String secret = header.substring(BEARER.length()).trim();
    if (secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
      return chain.filter(exchange);
    }
    return keys.findActive(secret)
        .doOnNext(caller -> exchange.getAttributes().put(CallerAccess.ATTRIBUTE, caller))
        .then(Mono.defer(() -> chain.filter(exchange)));
  }
}
