package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import org.junit.jupiter.api.Test;

/** docs/events.md shows the exact canonical bytes of each sample; keep doc and code in step. */
class EventsDocGoldenTest {
  @Test
  void eventsDoc_everyTypeDocumentedWithItsCanonicalExample() throws Exception {
    Path doc = Path.of("..", "docs", "events.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    for (LedgerEvent event : Samples.all()) {
      String canonical = new String(event.toBody().canonicalBytes(), StandardCharsets.UTF_8);
      assertThat(text).as(event.type()).contains("### `" + event.type() + "`");
      assertThat(text).as(event.type()).contains("```json\n" + canonical + "\n```");
    }
    assertThat(text).contains("`" + EventTypes.GENESIS + "`");
  }

  @Test
  void eventsDoc_refundWithFeesReturned_canonicalExample_parsesBackEqual() throws Exception {
    SaleRefunded stated =
        new SaleRefunded(
            RefundId.of("R-0001"),
            SaleId.of("S-0001"),
            Quantity.of(1500),
            Fen.of(20400),
            Optional.of(new SaleFees(Fen.of(0), Fen.of(2040), Fen.of(800), Fen.of(300))),
            Instant.parse("2022-03-01T08:06:00.000Z"));
    byte[] canonical = stated.toBody().canonicalBytes();
    String text = Files.readString(Path.of("..", "docs", "events.md"), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("```json\n" + new String(canonical, StandardCharsets.UTF_8) + "\n```");
    assertThat(EventTypes.parse(SaleRefunded.TYPE, (JsonObject) JsonParser.parse(canonical)))
        .isEqualTo(stated);
  }
}
