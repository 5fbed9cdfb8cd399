package net.suyuan.ledger.api.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.income.IncomeAttribution;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Writes workloads through the real append API and recomputes income from the real export. */
final class IncomeClient {
  private final WebTestClient http;

  IncomeClient(WebTestClient http) {
    this.http = http;
  }

  /** Posts the steps in order, consecutive steps of one organization as one batch; the last seq. */
  long post(List<IncomeWorkload.Step> steps, Map<String, String> keys) {
    long last = -1;
    int i = 0;
    while (i < steps.size()) {
      String org = steps.get(i).org();
      List<String> events = new ArrayList<>();
      while (i < steps.size() && steps.get(i).org().equals(org) && events.size() < 100) {
        events.add(event(steps.get(i++).event()));
      }
      last = Math.max(last, postBatch(keys.get(org), events));
    }
    return last;
  }

  static String event(LedgerEvent e) {
    return "{\"type\":\""
        + e.type()
        + "\",\"body\":"
        + new String(Jcs.canonicalize(e.toBody()), StandardCharsets.UTF_8)
        + "}";
  }

  @SuppressWarnings("unchecked")
  long postBatch(String key, List<String> events) {
    Map<String, Object> response =
        http.post()
            .uri("/api/v1/events")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"events\":[" + String.join(",", events) + "]}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    List<Map<String, Object>> receipts = (List<Map<String, Object>>) response.get("receipts");
    return ((Number) receipts.get(receipts.size() - 1).get("seq")).longValue();
  }

  /** Every line of the whole ledger, recomputed by the core from the export. */
  record Core(List<IncomeLine> lines, List<RevenueLine> revenue, long head) {}

  Core recompute() throws Exception {
    byte[] export =
        http.get()
            .uri("/api/v1/export")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    IncomeAttribution attribution = new IncomeAttribution();
    List<IncomeLine> lines = new ArrayList<>();
    List<RevenueLine> revenue = new ArrayList<>();
    long head = -1;
    for (String line : new String(export, StandardCharsets.UTF_8).split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      JsonObject entry = (JsonObject) JsonParser.parse(line);
      long seq = ((JsonNumber) entry.get("seq").orElseThrow()).longValueExact();
      String type = ((JsonString) entry.get("type").orElseThrow()).value();
      byte[] body = Jcs.canonicalize(entry.get("body").orElse(JsonObject.empty()));
      var income = attribution.apply(seq, type, body);
      lines.addAll(income.households());
      revenue.addAll(income.revenue());
      head = seq;
    }
    assertThat(head).isGreaterThan(0);
    return new Core(lines, revenue, head);
  }
}
