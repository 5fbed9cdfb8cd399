package net.suyuan.ledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal JSON-over-HTTP client for the harnesses (java.net.http, HTTP/1.1 keep-alive). */
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

  HttpResponse<String> post(String path, String key, String json) throws IOException {
    return send(postRequest(path, key, HttpRequest.BodyPublishers.ofString(json)));
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

  HttpResponse<String> get(String path) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(10))
            .GET()
            .build());
  }

  /** POST that must succeed (2xx); fails the run with the server's problem otherwise. */
  String postOk(String path, String key, String json) throws IOException {
    HttpResponse<String> r = post(path, key, json);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The value of a top-level string member in a small JSON response (no JSON library here). */
  static String field(String json, String name) {
    String marker = "\"" + name + "\":\"";
    int at = json.indexOf(marker);
    if (at < 0) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    int start = at + marker.length();
    return json.substring(start, json.indexOf('"', start));
  }
}
