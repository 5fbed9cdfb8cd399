package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
