package net.suyuan.ledger.bench;

import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * The append workload: a product, a production base and one enrolled household per client, each
 * client delivering harvests into its own lot, recorded by a cooperative's key. Ids carry a run
 * suffix so runs can repeat on one database.
 */
final class BenchScenario {
  private static final String OCCURRED = "2022-03-01T08:00:00.000Z";
  private final String run;
  private final String coopKey;
  private final String gtin;

  private BenchScenario(String run, String coopKey, String gtin) {
    this.run = run;
    this.coopKey = coopKey;
    this.gtin = gtin;
  }

  static BenchScenario create(Http http, String adminKey, int households) throws IOException {
    String run = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
    String coop = "bench-coop-" + run;
    http.postOk(
        "/api/v1/orgs",
        adminKey,
        "{\"orgId\":\"" + coop + "\",\"name\":\"bench cooperative\",\"role\":\"cooperative\"}");
    String coopKey =
        Http.field(http.postOk("/api/v1/orgs/" + coop + "/keys", adminKey, "{}"), "secret");
    String gtin = gtin("0690" + String.format("%09d", Math.abs(run.hashCode()) % 1_000_000_000));
    BenchScenario s = new BenchScenario(run, coopKey, gtin);
    http.postOk(
        "/api/v1/events",
        adminKey,
        event(
            "product.registered",
            "{\"baseUnit\":\"g\",\"gtin\":\"" + gtin + "\",\"name\":\"六枝小黄姜 bench\"}"));
    http.postOk(
        "/api/v1/events",
        adminKey,
        event(
            "site.registered",
            "{\"baseId\":\""
                + s.base()
                + "\",\"county\":\"六枝特区\",\"name\":\"bench base\",\"village\":\"落别乡\"}"));
    StringBuilder enrol = new StringBuilder("{\"events\":[");
    for (int h = 0; h < households; h++) {
      enrol
          .append(h == 0 ? "" : ",")
          .append(
              event(
                  "household.enrolled",
                  "{\"cooperative\":\""
                      + coop
                      + "\",\"householdId\":\""
                      + s.household(h)
                      + "\",\"village\":\"落别乡\"}"));
    }
    http.postOk("/api/v1/events", coopKey, enrol.append("]}").toString());
    return s;
  }

  /** KEY=value lines for a shell script driving another load tool (wrk) with this scenario. */
  String shellVariables() {
    return "COOP_KEY="
        + coopKey
        + "\nGTIN="
        + gtin
        + "\nBASE_ID="
        + base()
        + "\nHOUSEHOLD="
        + household(0)
        + "\nLOT=B"
        + run
        + "-w";
  }

  String describe() {
    return "run " + run + ", gtin " + gtin;
  }

  /** Client {@code c} appends {@code count} single events, one request each, timing every one. */
  void singleAppends(Http http, int c, int count, Latencies latencies) throws IOException {
    Latencies mine = new Latencies();
    for (int i = 0; i < count; i++) {
      String body = delivery(c);
      long start = System.nanoTime();
      HttpResponse<String> r = http.post("/api/v1/events", coopKey, body);
      mine.add(System.nanoTime() - start);
      check(r);
    }
    latencies.addAll(mine);
  }

  /**
   * Sends {@code batches} requests of {@code size} harvest deliveries of client {@code c}. The body
   * is built and encoded once, before the first request (every delivery of a client is the same
   * event, and each is appended as its own entry), so the loop measures the server, as the INSERT
   * baseline, which has its rows in memory before its clock starts.
   */
  void batchAppends(Http http, int c, int batches, int size) throws IOException {
    StringBuilder batch = new StringBuilder(size * 200).append("{\"events\":[");
    for (int i = 0; i < size; i++) {
      batch.append(i == 0 ? "" : ",").append(delivery(c));
    }
    byte[] body = batch.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int b = 0; b < batches; b++) {
      check(http.post("/api/v1/events", coopKey, body));
    }
  }

  private String delivery(int c) {
    return event(
        "harvest.delivered",
        "{\"baseId\":\""
            + base()
            + "\",\"gtin\":\""
            + gtin
            + "\",\"householdId\":\""
            + household(c)
            + "\",\"lotId\":\"B"
            + run
            + "-"
            + c
            + "\",\"occurredAt\":\""
            + OCCURRED
            + "\",\"quantity\":1000}");
  }

  private String base() {
    return "base-" + run;
  }

  private String household(int h) {
    return "hh-" + run + "-" + h;
  }

  private static String event(String type, String body) {
    return "{\"type\":\"" + type + "\",\"body\":" + body + "}";
  }

  /** Fails the run unless the response is 2xx; a byte body is decoded only to report it. */
  private static void check(HttpResponse<?> r) {
    if (r.statusCode() / 100 != 2) {
      Object body = r.body();
      throw new IllegalStateException(
          "append failed: "
              + r.statusCode()
              + " "
              + (body instanceof byte[] bytes
                  ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                  : body));
    }
  }

  /** Appends the GS1 mod-10 check digit to 13 digits. */
  private static String gtin(String body13) {
    return net.suyuan.ledger.core.id.Gtin.completing(body13).value();
  }
}
