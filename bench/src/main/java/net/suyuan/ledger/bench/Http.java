package net.suyuan.ledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import net.suyuan.ledger.core.event.AppendRequests;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * A minimal JSON-over-HTTP client for the harnesses (java.net.http, HTTP/1.1 keep-alive). Requests
 * are written with the core's canonical JSON writer (events from typed records, {@link
 * AppendRequests}) and responses read with its parser.
 */
final class Http {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  private HttpRequest postRequest(String path, String key, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(body);
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return b.build();
  }

  /**
   * POST of a body encoded once by the caller, for load loops that send the same request many
   * times: the harness should spend its time sending, not re-encoding. The response is kept as
   * bytes and decoded only by a caller that needs it (e.g. to report a failure).
   */
  HttpResponse<byte[]> post(String path, String key, byte[] json) throws IOException {
    HttpRequest request = postRequest(path, key, HttpRequest.BodyPublishers.ofByteArray(json));
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * POST that must succeed (2xx); fails the run with the server's problem otherwise. Returns the
   * response, which must be a JSON object.
   */
  JsonObject postOk(String path, String key, JsonObject json) throws IOException {
    HttpResponse<String> r =
        send(postRequest(path, key, HttpRequest.BodyPublishers.ofByteArray(json.canonicalBytes())));
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }
    return object(r.body());
  }

  /** Appends one event (admin or organization key); fails the run unless it is appended. */
  void append(String key, LedgerEvent event) throws IOException {
    postOk("/api/v1/events", key, AppendRequests.event(event));
  }

  /** Appends a batch of 1 to 1,000 events, all or nothing; fails the run unless appended. */
  void append(String key, List<? extends LedgerEvent> events) throws IOException {
    postOk("/api/v1/events", key, AppendRequests.batch(events));
  }

  /** Creates an organization with the admin key and issues it a key; the key's secret. */
  String organization(String adminKey, String orgId, String name, String role) throws IOException {
    postOk(
        "/api/v1/orgs",
        adminKey,
        JsonObject.builder().put("orgId", orgId).put("name", name).put("role", role).build());
    JsonObject issued = postOk("/api/v1/orgs/" + orgId + "/keys", adminKey, JsonObject.empty());
    return string(issued, "secret");
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** A JSON object response; anything else fails the run. */
  static JsonObject object(String json) {
    try {
      if (JsonParser.parse(json) instanceof JsonObject o) {
        return o;
      }
    } catch (JsonParseException e) {
      throw new IllegalStateException("not JSON: " + e.getMessage() + ": " + json, e);
    }
    throw new IllegalStateException("not a JSON object: " + json);
  }

  /** The value of a top-level string member; fails the run when it is missing or not a string. */
  static String string(JsonObject object, String name) {
    JsonValue value = object.get(name).orElse(null);
    if (value instanceof JsonString s) {
      return s.value();
    }
    throw new IllegalStateException("no string " + name + " in " + object);
  }
}
