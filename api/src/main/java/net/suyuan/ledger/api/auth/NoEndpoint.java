package net.suyuan.ledger.api.auth;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matches a request that reaches no endpoint, asking the dispatcher's handler mappings as the
 * dispatcher will: no handler (404), a mapping that refuses the request before any handler runs
 * (405 wrong method, 406, 415), the framework's own answer to {@code OPTIONS} (the {@code Allow}
 * header), or a static resource. {@link AccessRules} lets these through so such requests keep their
 * answers (a 404 stays a 404 for everyone instead of becoming a 401); every request that does reach
 * an endpoint (a controller, an actuator or springdoc endpoint, a router function) and that no rule
 * opened is denied.
 */
final class NoEndpoint implements ServerWebExchangeMatcher {

  private final ObjectProvider<DispatcherHandler> dispatcher;

  NoEndpoint(ObjectProvider<DispatcherHandler> dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public Mono<MatchResult> matches(ServerWebExchange exchange) {
    var mappings = dispatcher.getObject().getHandlerMappings();
    if (mappings == null) {
      return MatchResult.notMatch(); // not started: deny
    }
    return Flux.fromIterable(mappings)
        .concatMap((HandlerMapping mapping) -> mapping.getHandler(exchange))
        .next()
        .map(NoEndpoint::isEndpoint)
        .onErrorResume(ResponseStatusException.class, e -> Mono.just(false))
        .defaultIfEmpty(false)
        .flatMap(endpoint -> endpoint ? MatchResult.notMatch() : MatchResult.match());
  }

  private static boolean isEndpoint(Object handler) {
    if (handler instanceof ResourceWebHandler) {
      return false;
    }
    return !(handler instanceof HandlerMethod method
        && method.getBeanType().getName().endsWith("$HttpOptionsHandler"));
  }
}
