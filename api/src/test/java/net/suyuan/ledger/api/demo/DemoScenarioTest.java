package net.suyuan.ledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The demo's content, pinned: its published figures (docs/demo.md) depend on every event. */
class DemoScenarioTest {
  /**
   * SHA-256 of the organizations and the canonical request bodies below, as the demo sent them
   * before it was rebuilt from typed events (the hand-written JSON, canonicalized): same events,
   * ids, amounts, order and batches.
   */
  static final String CONTENT_SHA256 =
      "bc629cf093b88afbcec3585ed5d5f3166170eeceb4c62ccf5563097c06a131bc";

  @Test
  void content_isExactlyThePublishedDemo() throws Exception {
    DemoScenario demo = new DemoScenario();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (DemoScenario.Org org : demo.orgs()) {
      out.writeBytes(
          ("org\t" + org.orgId() + "\t" + org.name() + "\t" + org.role() + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    for (DemoScenario.Batch batch : demo.batches()) {
      out.writeBytes(("batch\t" + batch.orgId() + "\t").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(batch.request().canonicalBytes());
      out.write('\n');
    }

    assertThat(
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())))
        .isEqualTo(CONTENT_SHA256);
    assertThat(demo.eventCount()).as("docs/demo.md and README state it").isEqualTo(7_431);
    assertThat(demo.orgs()).hasSize(16);
    assertThat(demo.batches())
        .hasSize(40)
        .allSatisfy(b -> assertThat(b.events()).hasSizeBetween(1, 1000));
  }

  @Test
  void firstRequest_isWrittenByTheCanonicalWriter() {
    DemoScenario.Batch first = new DemoScenario().batches().get(0);

    assertThat(first.orgId().value()).isEqualTo("so-liuzhi");
    assertThat(new String(first.request().canonicalBytes(), StandardCharsets.UTF_8))
        .startsWith(
            "{\"events\":[{\"body\":{\"baseUnit\":\"g\",\"gtin\":\"06900001000013\","
                + "\"name\":\"六枝小黄姜\"},\"type\":\"product.registered\"},"
                + "{\"body\":{\"grades\":[{\"grade\":\"A\",\"limits\":[{\"max\":400,"
                + "\"metric\":\"weight_g\",\"min\":80},{\"max\":920,"
                + "\"metric\":\"moisture_permille\"}]},{\"grade\":\"B\",\"limits\":[]},");
  }
}
