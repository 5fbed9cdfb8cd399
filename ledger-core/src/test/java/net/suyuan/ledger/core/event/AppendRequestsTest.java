package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import org.junit.jupiter.api.Test;

/** The append API's request bodies, written from typed events (docs/api.md, "Writing events"). */
class AppendRequestsTest {
  /** The single-event request docs/api.md shows, as its reader would type it. */
  static final String DOC_REQUEST =
      "{\"type\": \"sale.recorded\", \"body\": {\"saleId\": \"S-0001\", \"channel\":"
          + " \"livestream\", \"lotId\": \"G2022-001A\",\n"
          + " \"quantity\": 1500, \"pricePer\": 500, \"unitPriceFen\": 6800,\n"
          + " \"fees\": {\"platformFen\": 1020, \"serviceFen\": 2040, \"logisticsFen\": 800,"
          + " \"packagingFen\": 300},\n"
          + " \"occurredAt\": \"2022-03-01T08:05:00.000Z\"}}";

  static SaleRecorded docSale() {
    return new SaleRecorded(
        SaleId.of("S-0001"),
        Channel.LIVESTREAM,
        LotId.of("G2022-001A"),
        Quantity.of(1500),
        Fen.of(6800),
        Quantity.of(500),
        new SaleFees(Fen.of(1020), Fen.of(2040), Fen.of(800), Fen.of(300)),
        Instant.parse("2022-03-01T08:05:00.000Z"));
  }

  @Test
  void event_isTheDocumentedRequest_inCanonicalForm() throws Exception {
    byte[] written = AppendRequests.event(docSale()).canonicalBytes();

    assertThat(new String(written, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"body\":{\"channel\":\"livestream\",\"fees\":{\"logisticsFen\":800,"
                + "\"packagingFen\":300,\"platformFen\":1020,\"serviceFen\":2040},"
                + "\"lotId\":\"G2022-001A\",\"occurredAt\":\"2022-03-01T08:05:00.000Z\","
                + "\"pricePer\":500,\"quantity\":1500,\"saleId\":\"S-0001\","
                + "\"unitPriceFen\":6800},\"type\":\"sale.recorded\"}");
    assertThat(written).isEqualTo(Jcs.canonicalize(DOC_REQUEST.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void batch_listsTheEventsInOrder() {
    List<LedgerEvent> events = List.of(Samples.site(), Samples.household());

    assertThat(new String(AppendRequests.batch(events).canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"events\":["
                + "{\"body\":{\"baseId\":\"base-east-slope\",\"county\":\"安化县\","
                + "\"name\":\"东坡茶园\",\"village\":\"清水村\"},\"type\":\"site.registered\"},"
                + "{\"body\":{\"cooperative\":\"coop.qingshui\",\"householdId\":\"hh-0001\","
                + "\"village\":\"清水村\"},\"type\":\"household.enrolled\"}]}");
  }

  @Test
  void everyType_parsesBackToTheSameEvent() throws Exception {
    JsonObject request =
        (JsonObject) JsonParser.parse(AppendRequests.batch(Samples.all()).canonicalBytes());
    JsonArray events = (JsonArray) request.get("events").orElseThrow();

    List<LedgerEvent> parsed = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = (JsonObject) events.get(i);
      assertThat(event.members().keySet()).containsExactlyInAnyOrder("type", "body");
      parsed.add(
          EventTypes.parse(
              ((JsonString) event.get("type").orElseThrow()).value(),
              (JsonObject) event.get("body").orElseThrow()));
    }
    assertThat(parsed).isEqualTo(Samples.all());
  }

  @Test
  void bodyIsTheEventsOwnBody_escapedByTheCanonicalWriter() {
    SiteRegistered quoted = new SiteRegistered(Samples.BASE, "\"东坡\" \\ 茶园", "上坪村", "清水县");

    assertThat(AppendRequests.event(quoted).get("body")).contains(quoted.toBody());
    assertThat(new String(AppendRequests.event(quoted).canonicalBytes(), StandardCharsets.UTF_8))
        .contains("\"name\":\"\\\"东坡\\\" \\\\ 茶园\"");
  }

  @Test
  void batch_holdsOneToAThousandEvents() {
    List<LedgerEvent> thousand = Collections.nCopies(1000, Samples.delivery());

    assertThat(((JsonArray) AppendRequests.batch(thousand).get("events").orElseThrow()).size())
        .isEqualTo(1000);
    assertThatThrownBy(() -> AppendRequests.batch(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a batch holds 1 to 1000 events, got 0");
    List<LedgerEvent> tooMany = Collections.nCopies(1001, Samples.delivery());
    assertThatThrownBy(() -> AppendRequests.batch(tooMany))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a batch holds 1 to 1000 events, got 1001");
  }
}
