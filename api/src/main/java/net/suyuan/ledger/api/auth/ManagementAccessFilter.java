package net.suyuan.ledger.api.auth;

import java.util.Set;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who may see what under {@code /actuator}, decided here once and denying by default. Public:
 * {@code /actuator/health} and its groups {@code liveness} and {@code readiness} (container
 * healthchecks use them), which show the status only, and {@code /actuator/info}. Everything else
 * ({@code /actuator/health/details} with components and details such as disk paths, {@code
 * prometheus}, a single component, any endpoint exposed later) needs the admin key or the key of an
 * {@code auditor} or {@code social_org} organization: 401 without a key, 403 with another. Runs
 * after {@link ApiKeyFilter}, which resolved the key. (Actuator's own {@code when-authorized} needs
 * Spring Security, which this service does not use.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class ManagementAccessFilter implements WebFilter {

  static final String BASE = "/actuator";
  private static final Set<Role> OPERATORS = Set.of(Role.AUDITOR, Role.SOCIAL_ORG);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = matchedPath(exchange.getRequest().getPath().pathWithinApplication());
    if (!path.equals(BASE) && !path.startsWith(BASE + "/") || isPublic(path)) {
      return chain.filter(exchange);
    }
    return CallerAccess.require(exchange)
        .flatMap(
            c ->
                c.admin() || OPERATORS.contains(c.role())
                    ? chain.filter(exchange)
                    : Mono.error(
                        Problems.forbidden(
                            "the admin key or an auditor or social_org key is required")));
  }

  /**
   * The path as the handler mapping matches it, not as sent: each segment decoded with its {@code
   * ;params} removed ({@link PathContainer.PathSegment#valueToMatch()}), empty segments dropped. So
   * {@code /actuator;x=1/prometheus} or {@code /%61ctuator/prometheus}, which Spring routes to the
   * endpoint, are judged as {@code /actuator/prometheus} here (dropping empty segments can only
   * make more paths count as {@code /actuator}, never fewer).
   */
  static String matchedPath(PathContainer path) {
    StringBuilder matched = new StringBuilder();
    for (PathContainer.Element element : path.elements()) {
      if (element instanceof PathContainer.PathSegment segment
          && !segment.valueToMatch().isEmpty()) {
        matched.append('/').append(segment.valueToMatch());
      }
    }
    return matched.isEmpty() ? "/" : matched.toString();
  }

  private static boolean isPublic(String path) {
    return path.equals(BASE + "/health")
        || path.equals(BASE + "/health/liveness")
        || path.equals(BASE + "/health/readiness")
        || path.equals(BASE + "/info");
  }
}
