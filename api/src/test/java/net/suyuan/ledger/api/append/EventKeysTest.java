package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The state rows a group loads and the lots its entries index, both from the event's references.
 */
class EventKeysTest {
  private final Bodies b = new Bodies(Bodies.randomGtin(), "base-1");

  private static LedgerEvent event(String json) throws Exception {
    JsonObject o = (JsonObject) JsonParser.parse(json);
    return EventTypes.parse(
        ((JsonString) o.get("type").orElseThrow()).value(),
        (JsonObject) o.get("body").orElseThrow());
  }

  @Test
  void keys_areTheIdsTheEventsName_standardsByIdForEveryVersion() throws Exception {
    EventKeys keys = new EventKeys();
    keys.add(event(b.harvest("H-1", "hh-1", 100)));
    keys.add(event(b.grading("H-1", 50, "G-1", 40)));
    keys.add(event(b.inspection("G-1", "STD-1", 2)));
    keys.add(event(b.refund("R-1", "S-1", 1, 10)));
    assertThat(keys.lots).containsExactly("H-1", "G-1");
    assertThat(keys.gtins).containsExactly(b.gtin);
    assertThat(keys.households).containsExactly("hh-1");
    assertThat(keys.sites).containsExactly("base-1");
    assertThat(keys.standards).containsExactly("STD-1");
    assertThat(keys.sales).containsExactly("S-1");
    assertThat(keys.refunds).containsExactly("R-1");
  }

  @Test
  void lotsMentioned_aRefundMentionsItsSalesLot_aNewSaleOnlyItsOwn() throws Exception {
    StateOverlay view = new StateOverlay();
    view.seedLot(new LotInfo(LotId.of("G-1"), Gtin.of(b.gtin), 100, false));
    view.seedSale(
        new SaleInfo(
            SaleId.of("S-1"), LotId.of("G-1"), 10, 100, 0, 0, SaleFees.NONE, Optional.empty()));
    assertThat(EventKeys.lotsMentioned(event(b.refund("R-1", "S-1", 1, 10)), view))
        .containsExactly(LotId.of("G-1"));
    assertThat(EventKeys.lotsMentioned(event(b.sale("S-2", "G-1", 500)), view))
        .containsExactly(LotId.of("G-1"));
    assertThat(EventKeys.lotsMentioned(event(b.refund("R-2", "S-404", 1, 10)), view)).isEmpty();
    assertThat(EventKeys.lotsMentioned(event(b.grading("H-1", 50, "G-2", 40)), view))
        .containsExactly(LotId.of("H-1"), LotId.of("G-2"));
  }
}
