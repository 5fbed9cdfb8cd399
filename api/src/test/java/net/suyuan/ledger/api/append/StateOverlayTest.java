package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import net.suyuan.ledger.api.append.StateOverlay.LotChange;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LedgerView.HouseholdInfo;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.ProductInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The commit group's overlay around the core's one transition: seeded rows, the rows it marks
 * changed (with the seq that created or last changed them), undo, and the transition's exact sums.
 * Pure: no database.
 */
class StateOverlayTest {
  private final Bodies b = new Bodies(Bodies.randomGtin(), "base-1");
  private final Gtin gtin = Gtin.of(b.gtin);
  private final StateOverlay overlay = new StateOverlay();

  private static LedgerEvent event(String json) throws Exception {
    JsonObject o = (JsonObject) JsonParser.parse(json);
    return EventTypes.parse(
        ((JsonString) o.get("type").orElseThrow()).value(),
        (JsonObject) o.get("body").orElseThrow());
  }

  private void seedCatalog() {
    overlay.seedProduct(new ProductInfo(gtin, BaseUnit.G));
    overlay.seedSite(BaseId.of("base-1"));
    overlay.seedHousehold(new HouseholdInfo(HouseholdId.of("hh-1"), OrgId.of("coop-a")));
  }

  @Test
  void seededRows_areReadButNotChanges() {
    seedCatalog();
    overlay.seedLot(new LotInfo(LotId.of("H-1"), gtin, 100, true));
    assertThat(overlay.lot(LotId.of("H-1"))).isPresent();
    assertThat(overlay.changes().lots).isEmpty();
    assertThat(overlay.changes().products).isEmpty();
  }

  @Test
  void newRows_areChangesAtTheirSeq() throws Exception {
    overlay.apply(event(b.product(b.gtin)), 7);
    overlay.apply(event(b.site("base-2")), 8);
    overlay.apply(event(b.household("hh-2", "coop-a")), 9);
    assertThat(overlay.changes().products).containsEntry(gtin, 7L);
    assertThat(overlay.changes().sites).containsEntry(BaseId.of("base-2"), 8L);
    assertThat(overlay.changes().households).containsEntry(HouseholdId.of("hh-2"), 9L);
  }

  @Test
  void lotCreatedInTheGroup_keepsItsCreationSeq_existingLotHasNone() throws Exception {
    seedCatalog();
    overlay.seedLot(new LotInfo(LotId.of("H-old"), gtin, 5000, true));
    overlay.apply(event(b.harvest("H-new", "hh-1", 3000)), 10);
    overlay.apply(event(b.harvest("H-new", "hh-1", 2000)), 11);
    overlay.apply(event(b.harvest("H-old", "hh-1", 1000)), 12);
    assertThat(overlay.lot(LotId.of("H-new")).orElseThrow().remaining()).isEqualTo(5000);
    assertThat(overlay.lot(LotId.of("H-old")).orElseThrow().remaining()).isEqualTo(6000);
    assertThat(overlay.changes().lots)
        .containsEntry(LotId.of("H-new"), new LotChange(10, 11))
        .containsEntry(LotId.of("H-old"), new LotChange(0, 12));
  }

  @Test
  void refundOfAStoredSale_marksTheSaleChangedWithoutASeq() throws Exception {
    seedCatalog();
    overlay.seedLot(new LotInfo(LotId.of("G-1"), gtin, 500, false));
    overlay.seedSale(
        new SaleInfo(
            SaleId.of("S-1"),
            LotId.of("G-1"),
            1000,
            13600,
            0,
            0,
            new SaleFees(Fen.of(1020), Fen.of(2040), Fen.of(800), Fen.of(300)),
            Optional.empty()));
    overlay.apply(event(b.refund("R-1", "S-1", 100, 1360)), 20);
    assertThat(overlay.changes().sales).containsEntry(SaleId.of("S-1"), 0L);
    assertThat(overlay.changes().refunds.get(RefundId.of("R-1")).seq()).isEqualTo(20);
    assertThat(overlay.sale(SaleId.of("S-1")).orElseThrow().refundedQuantity()).isEqualTo(100);
    assertThat(overlay.refundExists(RefundId.of("R-1"))).isTrue();
  }

  @Test
  void saleRecordedInTheGroup_isAChangeAtItsSeq_andDrawsOnItsLot() throws Exception {
    seedCatalog();
    overlay.seedLot(new LotInfo(LotId.of("G-1"), gtin, 5000, false));
    overlay.apply(event(b.sale("S-2", "G-1", 1500)), 30);
    assertThat(overlay.changes().sales).containsEntry(SaleId.of("S-2"), 30L);
    assertThat(overlay.lot(LotId.of("G-1")).orElseThrow().remaining()).isEqualTo(3500);
    assertThat(overlay.changes().lots).containsEntry(LotId.of("G-1"), new LotChange(0, 30));
  }

  @Test
  void rollback_undoesEveryRowAndChangeSinceTheMark() throws Exception {
    seedCatalog();
    overlay.seedLot(new LotInfo(LotId.of("H-1"), gtin, 5000, true));
    overlay.apply(event(b.harvest("H-1", "hh-1", 1000)), 1);
    int mark = overlay.mark();
    overlay.apply(event(b.harvest("H-1", "hh-1", 1000)), 2);
    overlay.apply(event(b.harvest("H-2", "hh-1", 1000)), 3);
    overlay.rollback(mark);
    assertThat(overlay.lot(LotId.of("H-1")).orElseThrow().remaining()).isEqualTo(6000);
    assertThat(overlay.lot(LotId.of("H-2"))).isEmpty();
    assertThat(overlay.changes().lots).containsOnlyKeys(LotId.of("H-1"));
    assertThat(overlay.changes().lots.get(LotId.of("H-1"))).isEqualTo(new LotChange(0, 1));
  }

  /**
   * Before the one transition the overlay added deliveries with {@code +} (the core with {@link
   * Math#addExact}): a lot row past 2^63-1 would have wrapped negative. Validation caps lots at
   * 2^53-1, so only an inconsistent stored row gets here; now it fails instead of being written.
   */
  @Test
  void deliveryPastLongRange_onAnInconsistentStoredLot_failsInsteadOfWrapping() throws Exception {
    seedCatalog();
    overlay.seedLot(new LotInfo(LotId.of("H-1"), gtin, Long.MAX_VALUE - 5, true));
    LedgerEvent delivery = event(b.harvest("H-1", "hh-1", 10));
    assertThatThrownBy(() -> overlay.apply(delivery, 1)).isInstanceOf(ArithmeticException.class);
    assertThat(overlay.lot(LotId.of("H-1")).orElseThrow().remaining())
        .isEqualTo(Long.MAX_VALUE - 5);
    assertThat(overlay.changes().lots).isEmpty();
  }
}
