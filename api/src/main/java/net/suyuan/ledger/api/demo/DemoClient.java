package net.suyuan.ledger.api.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads {@link DemoScenario} into an empty ledger over HTTP, exactly as any client would: creates
 * the organizations and their keys with the admin key, then posts every batch to {@code POST
 * /api/v1/events} with the recording organization's key. Refuses a ledger that already holds events
 * (the demo's figures assume it is alone).
 */
public final class DemoClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String adminKey;
  private final Consumer<String> progress;

  public DemoClient(String base, String adminKey, Consumer<String> progress) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.adminKey = adminKey;
    this.progress = progress;
  }

  /** Thrown when the ledger is not empty ({@link #refused()}) or the server refuses a request. */
  public static final class DemoException extends Exception {
    private final boolean refused;

    DemoException(String message) {
      this(message, false);
    }

    DemoException(String message, boolean refused) {
      super(message);
      this.refused = refused;
    }

    /** The ledger already held events, so nothing was loaded; nothing failed either. */
    public boolean refused() {
      return refused;
    }
  }

  /** Loads the scenario; returns the number of events appended. */
  public int load(DemoScenario scenario) throws IOException, DemoException {
    HttpResponse<String> page = send(get("/api/v1/events?after=0&limit=1"));
    if (page.statusCode() != 200) {
      throw new DemoException("cannot read the ledger: " + page.statusCode() + " " + page.body());
    }
    if (page.body().contains("\"seq\"")) {
      throw new DemoException(
          "the ledger already holds events; the demo loads only into an empty one", true);
    }
    Map<String, String> keys = new HashMap<>();
    for (DemoScenario.Org org : scenario.orgs()) {
      ok(
          post(
              "/api/v1/orgs",
              adminKey,
              "{\"orgId\":\""
                  + org.orgId()
                  + "\",\"name\":\""
                  + org.name()
                  + "\",\"role\":\""
                  + org.role()
                  + "\"}"),
          "create organization " + org.orgId());
      String issued =
          ok(post("/api/v1/orgs/" + org.orgId() + "/keys", adminKey, "{}"), "issue a key");
      keys.put(org.orgId(), field(issued, "secret"));
    }
    int total = scenario.eventCount();
    int done = 0;
    int nextReport = 0;
    for (DemoScenario.Batch batch : scenario.batches()) {
      ok(
          post(
              "/api/v1/events",
              keys.get(batch.orgId()),
              "{\"events\":[" + String.join(",", batch.events()) + "]}"),
          "append a batch of " + batch.orgId());
      done += batch.events().size();
      if (done >= nextReport) {
        progress.accept("demo: " + done + " of " + total + " events appended");
        nextReport = done + total / 10;
      }
    }
    progress.accept("demo: loaded " + total + " events");
    return total;
  }

  private String ok(HttpRequest request, String what) throws IOException, DemoException {
    HttpResponse<String> r = send(request);
    if (r.statusCode() / 100 != 2) {
      throw new DemoException(what + " failed: " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  private HttpRequest post(String path, String key, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String field(String json, String name) {
    String marker = "\"" + name + "\":\"";
    int at = json.indexOf(marker);
    if (at < 0) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    int start = at + marker.length();
    return json.substring(start, json.indexOf('"', start));
  }
}
