package net.suyuan.ledger.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.JsonCalls;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route the server has is in the access table of docs/api.md ("Who may call what"), and
 * answers as that table says: called without a key, with an unknown key, with a key of each role
 * and with the admin key, a route is denied (401 without a valid key, with {@code WWW-Authenticate:
 * Bearer}; 403 with one; both problem+json) exactly when the table does not list the caller. Routes
 * are enumerated from the server itself: the OpenAPI document, the actuator's links with every
 * health group and component. Path variables get values no resource has, so an allowed call answers
 * 400 or 404 without changing anything (the replay check aside, which only reads).
 */
@LedgerApiTest
class RouteAccessTest {

  /** A value for each path variable the routes have; anything else gets {@code zz-none}. */
  private static final Map<String, String> SAMPLES =
      Map.of(
          "seq", "999999999",
          "gtin", "09506000134352",
          "keyId", "key_zznonezznone",
          "component", "diskSpace",
          "**", "09506000134352/10/ZZNONE");

  @Autowired WebTestClient http;
  @Autowired Environment env;

  /** Who calls: a name, the key's secret (null: no key) and what the key stands for. */
  private record Who(String name, String secret, Caller caller) {}

  private static List<Who> callers;

  @BeforeEach
  void callers() {
    if (callers != null) {
      return;
    }
    AdminClient admin = new AdminClient(http);
    List<Who> all = new ArrayList<>();
    all.add(new Who("no key", null, null));
    all.add(new Who("unknown key", "lk_" + "0".repeat(43), null)); // counts as no key
    all.add(
        new Who(
            "admin key",
            LedgerApiTest.ADMIN_KEY,
            new Caller("admin", Role.SOCIAL_ORG, true, "bootstrap")));
    for (Role role : Role.values()) {
      String orgId = AdminClient.uniqueOrgId("access-" + role.value().replace('_', '-'));
      String secret = admin.orgWithKey(orgId, role.value());
      all.add(new Who(role.value() + " key", secret, new Caller(orgId, role, false, "issued")));
    }
    callers = List.copyOf(all);
  }

  @Test
  void everyRouteOfTheServer_isInTheAccessTable() throws IOException {
    AccessTable table = AccessTable.read();
    Set<String> routes = new TreeSet<>();
    routes.addAll(openApiRoutes());
    routes.addAll(actuatorRoutes());
    assertThat(routes).as("routes enumerated").hasSizeGreaterThan(30);
    List<String> missing =
        routes.stream()
            .filter(
                r -> {
                  String[] mp = r.split(" ", 2);
                  return table.find(mp[0], mp[1]) == null;
                })
            .toList();
    assertThat(missing)
        .as("routes the server has and docs/api.md (\"Who may call what\") does not list")
        .isEmpty();
  }

  @Test
  void everyRow_deniesExactlyTheCallersItDoesNotList() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (AccessTable.Row row : AccessTable.read().rows()) {
      String path = concrete(row.path());
      for (Who who : callers) {
        boolean allowed = row.allows(who.caller());
        EntityExchangeResult<byte[]> r = call(row.method(), path, who.secret());
        String problem = check(r, allowed, who.caller() == null);
        if (problem != null) {
          wrong.add(row.where() + " as " + who.name() + ": " + problem);
        }
        if (row.method().equals("GET")) {
          int head = call("HEAD", path, who.secret()).getStatus().value();
          if (denied(head) != !allowed) {
            wrong.add(row.where() + " HEAD as " + who.name() + ": " + head);
          }
        }
      }
    }
    assertThat(wrong).as("answers that contradict docs/api.md (\"Who may call what\")").isEmpty();
  }

  private static String check(EntityExchangeResult<byte[]> r, boolean allowed, boolean anonymous) {
    int status = r.getStatus().value();
    if (allowed) {
      return denied(status) ? "denied with " + status + " although the table allows it" : null;
    }
    int expected = anonymous ? 401 : 403;
    if (status != expected) {
      return status + " where the table says " + expected;
    }
    HttpHeaders h = r.getResponseHeaders();
    if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(h.getContentType())) {
      return status + " as " + h.getContentType() + ", not problem+json";
    }
    String challenge = h.getFirst(HttpHeaders.WWW_AUTHENTICATE);
    if (anonymous != (challenge != null && challenge.startsWith("Bearer"))) {
      return status + " with WWW-Authenticate " + challenge;
    }
    return null;
  }

  private static boolean denied(int status) {
    return status == 401 || status == 403;
  }

  private EntityExchangeResult<byte[]> call(String method, String path, String secret) {
    WebTestClient.RequestBodySpec spec = http.method(HttpMethod.valueOf(method)).uri(path);
    if (secret != null) {
      spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + secret);
    }
    WebTestClient.RequestHeadersSpec<?> request =
        method.equals("POST") || method.equals("PUT")
            ? spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            : spec;
    return request.exchange().expectBody().returnResult();
  }

  /** The row's path with each variable replaced by its sample value. */
  private static String concrete(String template) {
    String path = template.replace("**", SAMPLES.get("**"));
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < path.length()) {
      int open = path.indexOf('{', i);
      if (open < 0) {
        out.append(path.substring(i));
        break;
      }
      int close = path.indexOf('}', open);
      out.append(path, i, open)
          .append(SAMPLES.getOrDefault(path.substring(open + 1, close), "zz-none"));
      i = close + 1;
    }
    return out.toString();
  }

  /** {@code METHOD path} of every operation in the OpenAPI document. */
  @SuppressWarnings("unchecked")
  private Set<String> openApiRoutes() {
    Map<String, Object> doc = JsonCalls.get(http, null, "/v3/api-docs");
    Set<String> routes = new TreeSet<>();
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    paths.forEach(
        (path, operations) ->
            operations.keySet().stream()
                .filter(
                    m ->
                        Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
                            .contains(m))
                .forEach(m -> routes.add(m.toUpperCase() + " " + path)));
    return routes;
  }

  /**
   * {@code GET path} of every actuator link, the health path template expanded to every health
   * group (from the configuration) and every health component (from the details group).
   */
  @SuppressWarnings("unchecked")
  private Set<String> actuatorRoutes() {
    Map<String, Object> index = operatorGet("/actuator");
    Set<String> names = new TreeSet<>();
    names.addAll(
        Binder.get(env)
            .bind("management.endpoint.health.group", Bindable.mapOf(String.class, Object.class))
            .orElse(Map.of())
            .keySet());
    names.addAll(
        ((Map<String, Object>) operatorGet("/actuator/health/details").get("components")).keySet());
    Set<String> routes = new TreeSet<>();
    Map<String, Map<String, Object>> links = (Map<String, Map<String, Object>>) index.get("_links");
    for (Map<String, Object> link : links.values()) {
      String path = URI.create(((String) link.get("href")).replace("{*path}", "_path_")).getPath();
      if (path.contains("_path_")) {
        names.forEach(n -> routes.add("GET " + path.replace("_path_", n)));
      } else {
        routes.add("GET " + path);
      }
    }
    assertThat(routes).contains("GET /actuator/health/liveness", "GET /actuator/prometheus");
    return routes;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> operatorGet(String path) {
    Map<String, Object> body =
        http.get()
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + LedgerApiTest.ADMIN_KEY)
            .exchange()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return body == null ? new LinkedHashMap<>() : body;
  }
}
