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
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Loads {@link DemoScenario} into an empty ledger over HTTP, exactly as any client would: creates
 * the organizations and their keys with the admin key, then posts every batch to {@code POST
 * /api/v1/events} with the recording organization's key. Requests are written with the core's
 * canonical JSON writer and responses read with its parser. Refuses a ledger that already holds
 * events (the demo's figures assume it is alone).
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
    if (!(member(page.body(), "entries") instanceof JsonArray entries)) {
      throw new DemoException("cannot read the ledger: no entries in " + page.body());
    }
    if (entries.size() > 0) {
      throw new DemoException(
          "the ledger already holds events; the demo loads only into an empty one", true);
    }
    Map<String, String> keys = new HashMap<>();
    for (DemoScenario.Org org : scenario.orgs()) {
      String orgId = org.orgId().value();
      JsonObject create =
          JsonObject.builder()
              .put("orgId", orgId)
              .put("name", org.name())
              .put("role", org.role())
              .build();
      ok(post("/api/v1/orgs", adminKey, create), "create organization " + orgId);
      String issued =
          ok(post("/api/v1/orgs/" + orgId + "/keys", adminKey, JsonObject.empty()), "issue a key");
      if (!(member(issued, "secret") instanceof JsonString secret)) {
        throw new DemoException("issuing a key for " + orgId + " returned no secret: " + issued);
      }
      keys.put(orgId, secret.value());
    }
    int total = scenario.eventCount();
    int done = 0;
    int nextReport = 0;
    for (DemoScenario.Batch batch : scenario.batches()) {
      ok(
          post("/api/v1/events", keys.get(batch.orgId().value()), batch.request()),
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

  private HttpRequest post(String path, String key, JsonObject json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.canonicalBytes()))
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

  /** A member of a JSON object response; a response that is not JSON fails the load. */
  private static JsonValue member(String json, String name) throws DemoException {
    try {
      return JsonParser.parse(json) instanceof JsonObject o ? o.get(name).orElse(null) : null;
    } catch (JsonParseException e) {
      throw new DemoException("the server answered with malformed JSON: " + json);
    }
  }
}
