package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.Samples.BASE;
import static net.suyuan.ledger.core.event.Samples.TEA;
import static net.suyuan.ledger.core.event.Samples.TEA_BOX;
import static net.suyuan.ledger.core.event.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * From two households' deliveries to a refunded livestream sale; every event goes through the
 * canonical bytes and the type registry, as replay would.
 */
class HarvestToSaleScenarioTest {
  private static final String COOP = "coop.qingshui";
  private static final Instant NOW = at(24 * 60);
  private final EventValidator validator = new EventValidator();
  private final InMemoryLedgerState state = new InMemoryLedgerState();

  private void record(LedgerEvent event) throws Exception {
    JsonObject body = (JsonObject) JsonParser.parse(event.toBody().canonicalBytes());
    LedgerEvent parsed = EventTypes.parse(event.type(), body);
    validator.validate(state, COOP, parsed, NOW);
    state.apply(parsed);
  }

  private long remaining(String lot) {
    return state.lot(LotId.of(lot)).orElseThrow().remaining();
  }

  private static LotOutput out(String lot, long qty, String grade) {
    return new LotOutput(LotId.of(lot), TEA, Quantity.of(qty), Optional.ofNullable(grade));
  }

  private static LotInput in(String lot, long qty) {
    return new LotInput(LotId.of(lot), Quantity.of(qty));
  }

  @Test
  void deliveriesGradingMergePackingInspectionSaleRefund_allAccepted_quantitiesExact()
      throws Exception {
    HouseholdId hh2 = HouseholdId.of("hh-0002");
    record(Samples.product());
    record(new ProductRegistered(TEA_BOX, "清水绿茶 礼盒 250g", BaseUnit.G, Optional.empty()));
    record(Samples.standard());
    record(Samples.site());
    record(Samples.household());
    record(new HouseholdEnrolled(hh2, "清水村", Samples.COOP));

    record(Samples.delivery()); // hh-0001: 12000 g into H2022-001
    record(new HarvestDelivered(LotId.of("H2022-001"), TEA, hh2, BASE, Quantity.of(3000), at(2)));
    record(new HarvestDelivered(LotId.of("H2022-002"), TEA, hh2, BASE, Quantity.of(5000), at(2)));
    assertThat(remaining("H2022-001")).isEqualTo(15000);

    record(Samples.grading()); // 10000 g of H2022-001 -> A 6000 g, B 3500 g (500 g loss)
    record(
        new LotTransformed(
            TransformProcess.GRADING,
            List.of(in("H2022-002", 5000)),
            List.of(out("G2022-002A", 2000, "A"), out("G2022-002B", 2900, "B")),
            at(3)));
    record(
        new LotTransformed(
            TransformProcess.MERGING,
            List.of(in("G2022-001A", 6000), in("G2022-002A", 2000)),
            List.of(out("M2022-A", 8000, "A")),
            at(4)));
    record(
        new LotTransformed(
            TransformProcess.PACKING,
            List.of(in("M2022-A", 7500)),
            List.of(
                new LotOutput(LotId.of("P2022-A01"), TEA_BOX, Quantity.of(7500), Optional.of("A"))),
            at(5)));
    assertThat(remaining("H2022-001")).isEqualTo(5000);
    assertThat(remaining("G2022-001A")).isZero();
    assertThat(remaining("G2022-002A")).isZero();
    assertThat(remaining("M2022-A")).isEqualTo(500);
    assertThat(remaining("P2022-A01")).isEqualTo(7500);

    InspectionRecorded inspection = Samples.inspection();
    record(
        new InspectionRecorded(
            LotId.of("M2022-A"),
            inspection.standardId(),
            1,
            "A",
            inspection.results(),
            true,
            at(6)));

    record(
        new SaleRecorded(
            SaleId.of("S-100"),
            Channel.LIVESTREAM,
            LotId.of("P2022-A01"),
            Quantity.of(2500), // ten 250 g boxes
            Fen.of(8800),
            Quantity.of(250),
            new SaleFees(Fen.of(4400), Fen.of(8800), Fen.of(1200), Fen.of(500)),
            at(7)));
    record(
        new SaleRefunded(
            RefundId.of("R-100"), SaleId.of("S-100"), Quantity.of(250), Fen.of(8800), at(8)));

    assertThat(remaining("P2022-A01")).isEqualTo(5000);
    assertThat(state.sale(SaleId.of("S-100")))
        .contains(
            new SaleInfo(
                SaleId.of("S-100"),
                LotId.of("P2022-A01"),
                2500,
                88000,
                250,
                8800,
                new SaleFees(Fen.of(4400), Fen.of(8800), Fen.of(1200), Fen.of(500)),
                java.util.Optional.empty()));
    assertThat(remaining("G2022-001B") + remaining("G2022-002B")).isEqualTo(6400);
  }
}
