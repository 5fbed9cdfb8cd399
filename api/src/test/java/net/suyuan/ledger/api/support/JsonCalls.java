package net.suyuan.ledger.api.support;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The tests' JSON calls that must answer 200, and reading the answers as nested maps: {@code
 * num(body, "previousYear", "onlineSalesRevenue")}.
 */
public final class JsonCalls {

  private JsonCalls() {}

  /** GET {@code uri} as JSON, with {@code key} as bearer (none when null): 200 and its body. */
  public static Map<String, Object> get(
      WebTestClient http, String key, String uri, Object... uriVariables) {
    return ok(http.get().uri(uri, uriVariables), key);
  }

  /** POST {@code uri} without a body, with {@code key} as bearer: 200 and its body. */
  public static Map<String, Object> post(
      WebTestClient http, String key, String uri, Object... uriVariables) {
    return ok(http.post().uri(uri, uriVariables), key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ok(WebTestClient.RequestHeadersSpec<?> request, String key) {
    request = request.accept(MediaType.APPLICATION_JSON);
    if (key != null) {
      request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    return request
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  /** A JSON object inside an answer. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** The integer at {@code path} (member names, outermost first). */
  public static long num(Map<String, Object> body, String... path) {
    return ((Number) at(body, path)).longValue();
  }

  /** The value at {@code path} as text ({@code "null"} when absent). */
  public static String text(Map<String, Object> body, String... path) {
    return String.valueOf(at(body, path));
  }

  private static Object at(Map<String, Object> body, String... path) {
    Object v = body;
    for (String member : path) {
      v = map(v).get(member);
    }
    return v;
  }
}
