package net.suyuan.ledger.api.append;

import net.suyuan.ledger.api.support.AdminClient;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One organization of each role with a key, and a prepared lot: household {@code hh-1} of {@link
 * #coop}, harvest lot {@code H-1} holding {@code harvest} g.
 */
final class Writers {
  final WebTestClient http;
  final String coop;
  final String coopKey;
  final String otherCoop;
  final String otherCoopKey;
  final String processorKey;
  final String inspectorKey;
  final String sellerKey;
  final String admin = LedgerApiTest.ADMIN_KEY;
  final Bodies b = new Bodies(Bodies.randomGtin(), AdminClient.uniqueOrgId("base"));

  /** Unique per instance: suffix for household, lot, sale and standard ids. */
  final String u =
      Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 30), 36);

  Writers(WebTestClient http) {
    this.http = http;
    AdminClient orgs = new AdminClient(http);
    coop = AdminClient.uniqueOrgId("coop");
    coopKey = orgs.orgWithKey(coop, "cooperative");
    otherCoop = AdminClient.uniqueOrgId("coop2");
    otherCoopKey = orgs.orgWithKey(otherCoop, "cooperative");
    processorKey = orgs.orgWithKey(AdminClient.uniqueOrgId("proc"), "processor");
    inspectorKey = orgs.orgWithKey(AdminClient.uniqueOrgId("insp"), "inspector");
    sellerKey = orgs.orgWithKey(AdminClient.uniqueOrgId("sell"), "seller");
  }

  /** Product, standard std(), site, household hh() (of coop) and harvest lot lot(). */
  Writers prepared(long harvest) {
    post(admin, Bodies.batch(b.product(b.gtin), b.standard(std(), 1))).expectStatus().isCreated();
    post(coopKey, Bodies.batch(b.site(b.site), b.household(hh(), coop))).expectStatus().isCreated();
    post(coopKey, b.harvest(lot(), hh(), harvest)).expectStatus().isCreated();
    return this;
  }

  String std() {
    return "STD-" + u;
  }

  String hh() {
    return "hh-" + u;
  }

  String lot() {
    return "H-" + u;
  }

  /** Another unique id with the given prefix (at most 20 characters, fits lot ids). */
  String id(String prefix) {
    return prefix + u;
  }

  WebTestClient.ResponseSpec post(String key, String json) {
    return post(key, json, null);
  }

  WebTestClient.ResponseSpec post(String key, String json, String idempotencyKey) {
    WebTestClient.RequestBodySpec spec =
        http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
    }
    if (idempotencyKey != null) {
      spec = spec.header("Idempotency-Key", idempotencyKey);
    }
    return spec.bodyValue(json).exchange();
  }
}
