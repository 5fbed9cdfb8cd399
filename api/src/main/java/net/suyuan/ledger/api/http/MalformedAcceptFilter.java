package net.suyuan.ledger.api.http;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An {@code Accept} header that does not parse counts as absent (RFC 9110 §12.5.1 lets a server
 * disregard it). Left in, it broke content negotiation for the error too: the answer was a 400 or
 * 404 with no body, or a 406 in Boot's own JSON. The resolver already treated it as absent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedAcceptFilter implements WebFilter {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    List<String> accept = exchange.getRequest().getHeaders().get(HttpHeaders.ACCEPT);
    if (accept == null || parses(accept)) {
      return chain.filter(exchange);
    }
    return chain.filter(
        exchange.mutate().request(r -> r.headers(h -> h.remove(HttpHeaders.ACCEPT))).build());
  }

  private static boolean parses(List<String> values) {
    try {
      MediaType.parseMediaTypes(values);
      return true;
    } catch (IllegalArgumentException e) { // InvalidMediaTypeException and friends
      return false;
    }
  }
}
