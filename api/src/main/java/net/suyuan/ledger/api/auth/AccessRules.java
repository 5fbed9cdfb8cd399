package net.suyuan.ledger.api.auth;

import static net.suyuan.ledger.api.auth.Role.AUDITOR;
import static net.suyuan.ledger.api.auth.Role.COOPERATIVE;
import static net.suyuan.ledger.api.auth.Role.SOCIAL_ORG;

import net.suyuan.ledger.api.http.ProblemWriter;
import net.suyuan.ledger.api.http.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may call what, decided once before any handler runs, denying by default: the last rule denies
 * every request that no rule above opened and that reaches an endpoint ({@link NoEndpoint}), so a
 * new endpoint answers 401/403 until a rule here opens it. The table in docs/api.md ("Who may call
 * what") says the same, and {@code RouteAccessTest} checks every route of the running server
 * against it.
 *
 * <p>Authentication is the API key alone ({@link ApiKeyAuthenticationManager}); the API is
 * stateless, so Spring Security keeps nothing between requests (no session, no request cache), and
 * adds nothing to responses: no headers of its own ({@code http.SecurityHeadersFilter} sets them),
 * no CSRF token, no login form, no HTTP Basic, no logout route. Its request firewall is off: it
 * would refuse with an empty 400 paths the routes answer today (a {@code ;parameter}, {@code //},
 * an encoded {@code /} in a lot id), and the rules judge the path as the routes do (segments
 * decoded, {@code ;parameters} dropped, the same {@code PathPattern} matching).
 *
 * <p>Without a valid key a refused request gets 401 with {@code WWW-Authenticate: Bearer}, with one
 * 403; both problem+json, with the details and bodies the handlers and the actuator filter used to
 * give ({@link #refuse}).
 *
 * <p>What depends on the resource is decided once the rule let the caller in. "Its own households
 * only" is declared on the handlers with {@link OwnHouseholdsOnly}, checked by reactive method
 * security ({@link EnableReactiveMethodSecurity}) through {@link HouseholdAccess} before the
 * handler runs; {@code ArchitectureTest} fails on a handler of a {@code {householdId}} path without
 * it. The households CSV narrows its rows by the same rule ({@link Caller#householdsOf}). The event
 * types a role may record, and a cooperative's ownership of the household an event names, stay with
 * the append path ({@code append.WritePolicy}): the latter depends on what earlier events of the
 * same commit group enrolled, which no rule before the handler can see.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class AccessRules {

  static final String KEY_REQUIRED = "a valid API key is required: Authorization: Bearer <secret>";
  static final String OPERATORS_ONLY = "the admin key or an auditor or social_org key is required";

  /** Everything under {@code /actuator}, as Spring routes it. */
  private static final ServerWebExchangeMatcher OPERATIONS =
      ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**");

  /**
   * The one way a request authenticates. A bean, so Boot configures no user store of its own (it
   * would log a generated password nothing uses).
   */
  @Bean
  ApiKeyAuthenticationManager apiKeyAuthentication(ApiKeyStore keys) {
    return new ApiKeyAuthenticationManager(keys);
  }

  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http,
      ApiKeyAuthenticationManager apiKeyAuthentication,
      ObjectProvider<DispatcherHandler> dispatcher,
      ProblemWriter problems) {
    AuthenticationWebFilter apiKeys = new AuthenticationWebFilter(apiKeyAuthentication);
    apiKeys.setServerAuthenticationConverter(ApiKeyAuthenticationManager.converter());
    apiKeys.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    // An unknown or revoked key: on without a caller, as without a key (public routes answer).
    apiKeys.setAuthenticationFailureHandler(
        (exchange, e) -> exchange.getChain().filter(exchange.getExchange()));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (exchange, e) ->
                            refuse(exchange, Problems.unauthorized(KEY_REQUIRED), problems))
                    .accessDeniedHandler(
                        (exchange, e) ->
                            refuse(
                                exchange,
                                Problems.forbidden(
                                    exchange.getAttributeOrDefault(
                                        Access.DENIED_DETAIL, "no rule opens this route")),
                                problems)))
        .authorizeExchange(rules -> rules(rules, new NoEndpoint(dispatcher)))
        .build();
  }

  /**
   * No observations of the security filter chain: they would add a timer per filter and rule to
   * every request, and series to /actuator/prometheus, for a decision the response status already
   * shows ({@code http_server_requests} counts by status).
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Off, see the class comment: the routes' own parsing and the rules below judge each path. */
  @Bean
  ServerWebExchangeFirewall serverWebExchangeFirewall() {
    return ServerWebExchangeFirewall.INSECURE_NOOP;
  }

  private static void rules(AuthorizeExchangeSpec rules, NoEndpoint noEndpoint) {
    // Operations: decided on the path whatever the method. Health status and info are public
    // (container healthchecks); everything else under /actuator (health details and components,
    // metrics, any endpoint exposed later) is for the admin and auditor / social_org keys.
    rules
        .pathMatchers(
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            "/actuator/info")
        .permitAll()
        .matchers(OPERATIONS)
        .access(Access.adminKeyOrRoles(OPERATORS_ONLY, AUDITOR, SOCIAL_ORG));

    // API documentation, the GS1 Digital Link resolver and the public reads.
    rules
        .matchers(
            get(
                "/v3/api-docs",
                "/v3/api-docs.yaml",
                "/v3/api-docs/**",
                "/swagger-ui.html",
                "/swagger-ui/**",
                "/webjars/swagger-ui/**"))
        .permitAll()
        .matchers(get("/01/**", "/.well-known/gs1resolver"))
        .permitAll()
        .matchers(
            get(
                "/api/v1/events",
                "/api/v1/events/{seq}",
                "/api/v1/lots/{lotId}/events",
                "/api/v1/export",
                "/api/v1/audit",
                "/api/v1/lots/{lotId}",
                "/api/v1/lots/{lotId}/provenance",
                "/api/v1/lots/{lotId}/qr.png",
                "/api/v1/lots/{lotId}/qr.svg",
                "/api/v1/programs/{orgId}/summary",
                "/api/v1/programs/{orgId}/channels",
                "/api/v1/products/{gtin}/premium"))
        .permitAll();

    // Writing events: any key; which types a role may record is the handler's (WritePolicy).
    rules.pathMatchers(HttpMethod.POST, "/api/v1/events").access(Access.anyKey());

    // Household data: a cooperative sees only its own households (OwnHouseholdsOnly, and the
    // CSV's rows through Caller.householdsOf).
    rules
        .matchers(
            get(
                "/api/v1/households/{householdId}/income",
                "/api/v1/programs/{orgId}/households.csv"))
        .access(Access.roles(COOPERATIVE, SOCIAL_ORG, AUDITOR))
        .pathMatchers(HttpMethod.POST, "/api/v1/income/replay")
        .access(Access.roles(SOCIAL_ORG, AUDITOR))
        .matchers(
            get("/api/v1/households/{householdId}/profile"),
            new PathPatternParserServerWebExchangeMatcher(
                "/api/v1/households/{householdId}/profile", HttpMethod.PUT))
        .access(Access.roles(COOPERATIVE, SOCIAL_ORG));

    // Organizations and keys.
    rules
        .pathMatchers(HttpMethod.POST, "/api/v1/orgs", "/api/v1/orgs/{orgId}/keys")
        .access(Access.adminKey())
        .matchers(get("/api/v1/orgs", "/api/v1/orgs/{orgId}"))
        .access(Access.adminKey())
        .pathMatchers(HttpMethod.DELETE, "/api/v1/keys/{keyId}")
        .access(Access.adminKey());

    // A request that reaches no endpoint keeps its 404 / 405 / 406 / 415 (or static resource);
    // every other request is denied.
    rules.matchers(noEndpoint).permitAll().anyExchange().denyAll();
  }

  /**
   * The 401 or 403 of a refused request, written as that route's refusals always were: under {@code
   * /actuator} by {@code http.ProblemExceptionHandler} (a filter refused them before), on the API
   * as the handlers' own refusals ({@link ProblemWriter}, the same body and headers).
   */
  private static Mono<Void> refuse(
      ServerWebExchange exchange, ErrorResponseException refusal, ProblemWriter problems) {
    return OPERATIONS
        .matches(exchange)
        .flatMap(
            operations ->
                operations.isMatch() ? Mono.error(refusal) : problems.write(exchange, refusal));
  }

  /** {@code GET} and {@code HEAD} (which the GET routes answer) of these paths. */
  private static ServerWebExchangeMatcher get(String... paths) {
    ServerWebExchangeMatcher[] matchers = new ServerWebExchangeMatcher[paths.length * 2];
    for (int i = 0; i < paths.length; i++) {
      matchers[2 * i] = new PathPatternParserServerWebExchangeMatcher(paths[i], HttpMethod.GET);
      matchers[2 * i + 1] =
          new PathPatternParserServerWebExchangeMatcher(paths[i], HttpMethod.HEAD);
    }
    return new OrServerWebExchangeMatcher(matchers);
  }
}
