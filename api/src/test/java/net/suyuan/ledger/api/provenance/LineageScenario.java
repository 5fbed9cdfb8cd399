package net.suyuan.ledger.api.provenance;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A three-level lineage written through the real append API, with unique ids per instance:
 *
 * <pre>
 * harvest H1 (households a, b; base east)   harvest H2 (household c; base west)
 *              \__________ merging __________/
 *                          M1
 *              grading: / (A)     \ (B)
 *                     GA            GB
 *              packing |
 *                     P1 --- sold by livestream
 * </pre>
 *
 * GA is inspected against standard version 1 (moisture max 70, leaf length 20..40).
 */
final class LineageScenario {
  static final String T = "2022-03-01T08:00:00.000Z";

  final WebTestClient http;
  final String u = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
  final String gtin = randomGtin();
  final String coop = AdminClient.uniqueOrgId("coop");
  final String coopKey;
  final String processorKey;
  final String inspectorKey;
  final String sellerKey;

  LineageScenario(WebTestClient http) {
    this.http = http;
    AdminClient orgs = new AdminClient(http);
    coopKey = orgs.orgWithKey(coop, "cooperative");
    processorKey = orgs.orgWithKey(AdminClient.uniqueOrgId("proc"), "processor");
    inspectorKey = orgs.orgWithKey(AdminClient.uniqueOrgId("insp"), "inspector");
    sellerKey = orgs.orgWithKey(AdminClient.uniqueOrgId("sell"), "seller");
  }

  String lot(String name) {
    return name + "-" + u;
  }

  String hh(String name) {
    return "hh-" + name + "-" + u;
  }

  String base(String name) {
    return "base-" + name + "-" + u;
  }

  String std() {
    return "STD-" + u;
  }

  LineageScenario write() {
    post(
        LedgerApiTest.ADMIN_KEY,
        ev(
            "product.registered",
            "{\"baseUnit\":\"g\",\"gtin\":\"" + gtin + "\",\"name\":\"六枝小黄姜\"}"),
        ev(
            "standard.published",
            "{\"grades\":[{\"grade\":\"A\",\"limits\":[{\"max\":70,\"metric\":\"moisture_permille\"},"
                + "{\"max\":40,\"metric\":\"leaf_length_mm\",\"min\":20}]},{\"grade\":\"B\",\"limits\":[]}],"
                + "\"gtin\":\""
                + gtin
                + "\",\"standardId\":\""
                + std()
                + "\",\"title\":\"六枝小黄姜团体标准\",\"version\":1}"));
    post(
        coopKey,
        site(base("east"), "东坡基地", "落别乡"),
        site(base("west"), "西坡基地", "牂牁镇"),
        household(hh("a")),
        household(hh("b")),
        household(hh("c")),
        harvest("H1", hh("a"), base("east"), 6000),
        harvest("H1", hh("b"), base("east"), 4000),
        harvest("H2", hh("c"), base("west"), 5000));
    post(
        processorKey,
        transform("merging", List.of("H1", "10000", "H2", "5000"), List.of("M1", "15000", "")),
        transform("grading", List.of("M1", "15000"), List.of("GA", "9000", "A", "GB", "5500", "B")),
        transform("packing", List.of("GA", "6000"), List.of("P1", "6000", "A")));
    post(
        inspectorKey,
        ev(
            "inspection.recorded",
            "{\"grade\":\"A\",\"lotId\":\""
                + lot("GA")
                + "\",\"occurredAt\":\""
                + T
                + "\",\"passed\":true,\"results\":[{\"metric\":\"moisture_permille\",\"value\":62},"
                + "{\"metric\":\"leaf_length_mm\",\"value\":31}],\"standardId\":\""
                + std()
                + "\",\"standardVersion\":1}"));
    post(
        sellerKey,
        ev(
            "sale.recorded",
            "{\"channel\":\"livestream\",\"fees\":{\"logisticsFen\":800,\"packagingFen\":300,"
                + "\"platformFen\":1020,\"serviceFen\":2040},\"lotId\":\""
                + lot("P1")
                + "\",\"occurredAt\":\""
                + T
                + "\",\"pricePer\":500,\"quantity\":1500,\"saleId\":\"S-"
                + u
                + "\",\"unitPriceFen\":6800}"));
    return this;
  }

  private String site(String id, String name, String village) {
    return ev(
        "site.registered",
        "{\"baseId\":\""
            + id
            + "\",\"county\":\"六枝特区\",\"name\":\""
            + name
            + "\",\"village\":\""
            + village
            + "\"}");
  }

  private String household(String id) {
    return ev(
        "household.enrolled",
        "{\"cooperative\":\"" + coop + "\",\"householdId\":\"" + id + "\",\"village\":\"落别乡\"}");
  }

  private String harvest(String lot, String hh, String base, long qty) {
    return ev(
        "harvest.delivered",
        "{\"baseId\":\""
            + base
            + "\",\"gtin\":\""
            + gtin
            + "\",\"householdId\":\""
            + hh
            + "\",\"lotId\":\""
            + lot(lot)
            + "\",\"occurredAt\":\""
            + T
            + "\",\"quantity\":"
            + qty
            + "}");
  }

  /** inputs: lot, qty pairs; outputs: lot, qty, grade ("" for none) triples. */
  private String transform(String process, List<String> inputs, List<String> outputs) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < inputs.size(); i += 2) {
      in.append(in.length() == 0 ? "" : ",")
          .append("{\"lotId\":\"")
          .append(lot(inputs.get(i)))
          .append("\",\"quantity\":")
          .append(inputs.get(i + 1))
          .append("}");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < outputs.size(); i += 3) {
      out.append(out.length() == 0 ? "" : ",").append("{");
      if (!outputs.get(i + 2).isEmpty()) {
        out.append("\"grade\":\"").append(outputs.get(i + 2)).append("\",");
      }
      out.append("\"gtin\":\"")
          .append(gtin)
          .append("\",\"lotId\":\"")
          .append(lot(outputs.get(i)))
          .append("\",\"quantity\":")
          .append(outputs.get(i + 1))
          .append("}");
    }
    return ev(
        "lot.transformed",
        "{\"inputs\":["
            + in
            + "],\"occurredAt\":\""
            + T
            + "\",\"outputs\":["
            + out
            + "],\"process\":\""
            + process
            + "\"}");
  }

  static String ev(String type, String body) {
    return "{\"type\":\"" + type + "\",\"body\":" + body + "}";
  }

  void post(String key, String... events) {
    http.post()
        .uri("/api/v1/events")
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
        .bodyValue("{\"events\":[" + String.join(",", events) + "]}")
        .exchange()
        .expectStatus()
        .isCreated();
  }

  static String randomGtin() {
    StringBuilder digits = new StringBuilder();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 13; i++) {
      digits.append(r.nextInt(10));
    }
    return net.suyuan.ledger.core.id.Gtin.completing(digits.toString()).value();
  }
}
