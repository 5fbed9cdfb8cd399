package net.suyuan.ledger.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registrations the resolver fetches for the shown entries: the sites and standard versions
 * their events name ({@code LedgerEvent#references()}), nothing from entries that are not valid
 * events. Pure: no database.
 */
class ReferencesTest {
  private static final String T = "\"occurredAt\":\"2022-03-01T08:00:00.000Z\"";

  private static ProvenanceStore.Row row(long seq, String type, String body) {
    String entry = "{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"body\":" + body + "}";
    return new ProvenanceStore.Row(seq, entry.getBytes(UTF_8), new byte[32], null, null);
  }

  private static String delivery(String lot, String base, long quantity) {
    return "{\"baseId\":\""
        + base
        + "\",\"gtin\":\"6901234500004\",\"householdId\":\"hh-1\",\"lotId\":\""
        + lot
        + "\","
        + T
        + ",\"quantity\":"
        + quantity
        + "}";
  }

  private static String inspection(String standard, int version) {
    return "{\"grade\":\"A\",\"lotId\":\"G-1\","
        + T
        + ",\"passed\":true,\"results\":[{\"metric\":\"moisture_permille\",\"value\":60}],"
        + "\"standardId\":\""
        + standard
        + "\",\"standardVersion\":"
        + version
        + "}";
  }

  @Test
  void sitesAndStandardVersions_ofTheShownEvents_eachOnce_inEntryOrder() {
    References refs =
        References.of(
            List.of(
                row(1, "harvest.delivered", delivery("H-1", "base-1", 100)),
                row(2, "harvest.delivered", delivery("H-2", "base-2", 100)),
                row(3, "harvest.delivered", delivery("H-1", "base-1", 50)),
                row(4, "inspection.recorded", inspection("STD-1", 2)),
                row(5, "inspection.recorded", inspection("STD-1", 2)),
                row(6, "inspection.recorded", inspection("STD-1", 1)),
                row(
                    7,
                    "production.recorded",
                    "{\"activity\":\"irrigation\",\"baseId\":\"base-3\"," + T + "}")));
    assertThat(refs.baseIds()).containsExactly("base-1", "base-2", "base-3");
    assertThat(refs.standardIds()).containsExactly("STD-1", "STD-1");
    assertThat(refs.standardVersions()).containsExactly(2, 1);
    assertThat(refs.isEmpty()).isFalse();
  }

  @Test
  void entriesThatAreNotValidEvents_nameNothing() {
    ProvenanceStore.Row notJson =
        new ProvenanceStore.Row(1, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}, null, null, null);
    References refs =
        References.of(
            List.of(
                notJson,
                row(2, "harvest.delivered", delivery("H-1", "base-1", -5)), // altered: invalid
                row(3, "no.such.type", "{\"baseId\":\"base-2\"}"),
                row(
                    4,
                    "product.registered",
                    "{\"baseUnit\":\"g\",\"gtin\":\"6901234500004\"," + "\"name\":\"tea\"}")));
    assertThat(refs.isEmpty()).isTrue();
  }
}
