package net.suyuan.ledger.api.http;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser-hardening headers, set once here rather than in each handler. Every response: {@code
 * X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options:
 * DENY}. Resolver responses ({@code /01/...}, the consumer page and its error pages) also get the
 * page's {@code Content-Security-Policy} ({@link HtmlErrorPages}). Set just before commit, so error
 * responses rendered later in the chain carry them too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

  static final Map<String, String> EVERY_RESPONSE =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  private final Map<String, String> consumerPage;

  SecurityHeadersFilter(HtmlErrorPages pages) {
    this.consumerPage = pages.headers();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    boolean resolver = exchange.getRequest().getPath().value().startsWith("/01/");
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpHeaders headers = exchange.getResponse().getHeaders();
              (resolver ? consumerPage : EVERY_RESPONSE).forEach(headers::set);
              return Mono.empty();
            });
    return chain.filter(exchange);
  }
}
