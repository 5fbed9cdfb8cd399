package net.suyuan.ledger.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.event.AppendRequests;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.Quantity;

/**
 * The append workload: a product, a production base and one enrolled household per client, each
 * client delivering harvests into its own lot, recorded by a cooperative's key. Ids carry a run
 * suffix so runs can repeat on one database. Events are typed records, sent as the core writes them
 * ({@link AppendRequests}).
 */
final class BenchScenario {
  private static final Instant OCCURRED = Instant.parse("2022-03-01T08:00:00.000Z");
  private final String run;
  private final String coopKey;
  private final Gtin gtin;

  private BenchScenario(String run, String coopKey, Gtin gtin) {
    this.run = run;
    this.coopKey = coopKey;
    this.gtin = gtin;
  }

  static BenchScenario create(Http http, String adminKey, int households) throws IOException {
    String run = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
    String coop = "bench-coop-" + run;
    String coopKey = http.organization(adminKey, coop, "bench cooperative", "cooperative");
    Gtin gtin =
        Gtin.completing("0690" + String.format("%09d", Math.abs(run.hashCode()) % 1_000_000_000));
    BenchScenario s = new BenchScenario(run, coopKey, gtin);
    http.append(adminKey, new ProductRegistered(gtin, "六枝小黄姜 bench", BaseUnit.G, Optional.empty()));
    http.append(adminKey, new SiteRegistered(s.base(), "bench base", "落别乡", "六枝特区"));
    List<LedgerEvent> enrol = new ArrayList<>();
    for (int h = 0; h < households; h++) {
      enrol.add(new HouseholdEnrolled(s.household(h), "落别乡", OrgId.of(coop)));
    }
    http.append(coopKey, enrol);
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

  /**
   * Client {@code c} appends {@code count} single events, one request each, timing every one. Every
   * delivery of a client is the same event (each appended as its own entry), so the body is encoded
   * once.
   */
  void singleAppends(Http http, int c, int count, Latencies latencies) throws IOException {
    byte[] body = AppendRequests.event(delivery(c)).canonicalBytes();
    Latencies mine = new Latencies();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> r = http.post("/api/v1/events", coopKey, body);
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
    byte[] body = AppendRequests.batch(Collections.nCopies(size, delivery(c))).canonicalBytes();
    for (int b = 0; b < batches; b++) {
      check(http.post("/api/v1/events", coopKey, body));
    }
  }

  private HarvestDelivered delivery(int c) {
    return new HarvestDelivered(
        LotId.of("B" + run + "-" + c), gtin, household(c), base(), Quantity.of(1000), OCCURRED);
  }

  private BaseId base() {
    return BaseId.of("base-" + run);
  }

  private HouseholdId household(int h) {
    return HouseholdId.of("hh-" + run + "-" + h);
  }

  /** Fails the run unless the response is 2xx; the body is decoded only to report it. */
  private static void check(HttpResponse<byte[]> r) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "append failed: " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
    }
  }
}
