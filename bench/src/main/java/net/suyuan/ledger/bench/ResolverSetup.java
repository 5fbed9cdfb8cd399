package net.suyuan.ledger.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes, through the append API, the resolver benchmark's lot: a packed lot five transformation
 * levels above 40 harvest lots, with about 200 upstream entries (120 household deliveries, 40
 * production records, 36 merges and gradings, 6 inspections), then prints {@code KEY=value} lines
 * for bench/resolver-bench.sh.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar net.suyuan.ledger.bench.ResolverSetup \
 *   --base http://127.0.0.1:18080 --admin-key KEY
 * </pre>
 */
public final class ResolverSetup {
  private static final String T = "2022-03-01T08:00:00.000Z";

  private ResolverSetup() {}

  public static void main(String[] args) throws IOException {
    String base = arg(args, "--base", "http://127.0.0.1:8080");
    String admin = arg(args, "--admin-key", null);
    if (admin == null) {
      System.err.println("usage: ResolverSetup --base URL --admin-key KEY");
      System.exit(2);
    }
    Http http = new Http(base);
    String run = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
    String gtin = gtin("0691" + String.format("%09d", Math.abs(run.hashCode()) % 1_000_000_000));
    String coop = "rb-coop-" + run;
    String coopKey = org(http, admin, coop, "cooperative");
    String procKey = org(http, admin, "rb-proc-" + run, "processor");
    String inspKey = org(http, admin, "rb-insp-" + run, "inspector");
    String std = "RB-" + run;

    post(
        http,
        admin,
        ev(
            "product.registered",
            "{\"baseUnit\":\"g\",\"gtin\":\"" + gtin + "\",\"name\":\"六枝小黄姜\"}"),
        ev(
            "standard.published",
            "{\"grades\":[{\"grade\":\"A\",\"limits\":[{\"max\":70,\"metric\":\"moisture_permille\"}]},"
                + "{\"grade\":\"B\",\"limits\":[]}],\"gtin\":\""
                + gtin
                + "\",\"standardId\":\""
                + std
                + "\",\"title\":\"六枝小黄姜团体标准\",\"version\":1}"));
    List<String> events = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      events.add(
          ev(
              "site.registered",
              "{\"baseId\":\"rb-"
                  + run
                  + "-"
                  + b
                  + "\",\"county\":\"六枝特区\",\"name\":\"基地"
                  + b
                  + "\",\"village\":\"落别乡\"}"));
    }
    for (int h = 0; h < 120; h++) {
      events.add(
          ev(
              "household.enrolled",
              "{\"cooperative\":\""
                  + coop
                  + "\",\"householdId\":\"hh-"
                  + run
                  + "-"
                  + h
                  + "\",\"village\":\"落别乡\"}"));
    }
    post(http, coopKey, events.toArray(String[]::new));

    // Level 5: 40 harvest lots, three households each, one production record each.
    events.clear();
    List<String> level = new ArrayList<>();
    for (int l = 0; l < 40; l++) {
      String lot = "H" + run + "-" + l;
      level.add(lot);
      String site = "rb-" + run + "-" + (l % 4);
      for (int k = 0; k < 3; k++) {
        events.add(
            ev(
                "harvest.delivered",
                "{\"baseId\":\""
                    + site
                    + "\",\"gtin\":\""
                    + gtin
                    + "\",\"householdId\":\"hh-"
                    + run
                    + "-"
                    + (3 * l + k)
                    + "\",\"lotId\":\""
                    + lot
                    + "\",\"occurredAt\":\""
                    + T
                    + "\",\"quantity\":1000}"));
      }
    }
    post(http, coopKey, events.toArray(String[]::new));
    // The production records name their lot once it exists (a record may only name a known lot).
    events.clear();
    for (int l = 0; l < 40; l++) {
      events.add(
          ev(
              "production.recorded",
              "{\"activity\":\"harvest\",\"baseId\":\"rb-"
                  + run
                  + "-"
                  + (l % 4)
                  + "\",\"detail\":\"washed and dried\",\"lotId\":\""
                  + level.get(l)
                  + "\",\"occurredAt\":\""
                  + T
                  + "\"}"));
    }
    post(http, coopKey, events.toArray(String[]::new));

    // Levels 4, 3, 2: merge pairs (40 -> 20 -> 10 -> 5 lots), quantities conserved.
    long quantity = 3000;
    for (int depth = 4; depth >= 2; depth--) {
      events.clear();
      List<String> next = new ArrayList<>();
      for (int i = 0; i < level.size() / 2; i++) {
        String out = "M" + depth + run + "-" + i;
        next.add(out);
        events.add(
            ev(
                "lot.transformed",
                "{\"inputs\":[{\"lotId\":\""
                    + level.get(2 * i)
                    + "\",\"quantity\":"
                    + quantity
                    + "},{\"lotId\":\""
                    + level.get(2 * i + 1)
                    + "\",\"quantity\":"
                    + quantity
                    + "}],\"occurredAt\":\""
                    + T
                    + "\",\"outputs\":[{\"gtin\":\""
                    + gtin
                    + "\",\"lotId\":\""
                    + out
                    + "\",\"quantity\":"
                    + 2 * quantity
                    + "}],\"process\":\"merging\"}"));
      }
      post(http, procKey, events.toArray(String[]::new));
      level = next;
      quantity *= 2;
    }
    // Inspections of the five level-2 lots.
    events.clear();
    for (String lot : level) {
      events.add(inspection(lot, std));
    }
    post(http, inspKey, events.toArray(String[]::new));
    // Level 1: grade the five lots into A and B; level 0: pack grade A.
    StringBuilder inputs = new StringBuilder();
    for (String lot : level) {
      inputs
          .append(inputs.length() == 0 ? "" : ",")
          .append("{\"lotId\":\"")
          .append(lot)
          .append("\",\"quantity\":")
          .append(quantity)
          .append("}");
    }
    String graded = "G" + run + "-A";
    String packed = "P" + run;
    post(
        http,
        procKey,
        ev(
            "lot.transformed",
            "{\"inputs\":["
                + inputs
                + "],\"occurredAt\":\""
                + T
                + "\",\"outputs\":[{\"grade\":\"A\",\"gtin\":\""
                + gtin
                + "\",\"lotId\":\""
                + graded
                + "\",\"quantity\":100000},{\"grade\":\"B\",\"gtin\":\""
                + gtin
                + "\",\"lotId\":\"G"
                + run
                + "-B\",\"quantity\":15000}],\"process\":\"grading\"}"));
    post(http, inspKey, inspection(graded, std));
    post(
        http,
        procKey,
        ev(
            "lot.transformed",
            "{\"inputs\":[{\"lotId\":\""
                + graded
                + "\",\"quantity\":50000}],\"occurredAt\":\""
                + T
                + "\",\"outputs\":[{\"grade\":\"A\",\"gtin\":\""
                + gtin
                + "\",\"lotId\":\""
                + packed
                + "\",\"quantity\":50000}],\"process\":\"packing\"}"));
    System.out.println("LOT_PATH=/01/" + gtin + "/10/" + packed);
    System.out.println("LOT_ID=" + packed);
  }

  private static String inspection(String lot, String std) {
    return ev(
        "inspection.recorded",
        "{\"grade\":\"A\",\"lotId\":\""
            + lot
            + "\",\"occurredAt\":\""
            + T
            + "\",\"passed\":true,\"results\":[{\"metric\":\"moisture_permille\",\"value\":62}],"
            + "\"standardId\":\""
            + std
            + "\",\"standardVersion\":1}");
  }

  private static String org(Http http, String admin, String orgId, String role) throws IOException {
    http.postOk(
        "/api/v1/orgs",
        admin,
        "{\"orgId\":\"" + orgId + "\",\"name\":\"" + orgId + "\",\"role\":\"" + role + "\"}");
    return Http.field(http.postOk("/api/v1/orgs/" + orgId + "/keys", admin, "{}"), "secret");
  }

  private static void post(Http http, String key, String... events) throws IOException {
    http.postOk("/api/v1/events", key, "{\"events\":[" + String.join(",", events) + "]}");
  }

  private static String ev(String type, String body) {
    return "{\"type\":\"" + type + "\",\"body\":" + body + "}";
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static String gtin(String body13) {
    return net.suyuan.ledger.core.id.Gtin.completing(body13).value();
  }
}
