package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.suyuan.ledger.core.event.EventReferences.StandardVersion;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;
import org.junit.jupiter.api.Test;

/** {@link LedgerEvent#references()}: exactly the ids each event type's body names. */
class EventReferencesTest {
  private static final List<LotId> NO_LOTS = List.of();

  /** Expected references, each list given in body order. */
  private static EventReferences refs(
      List<LotId> lots,
      List<Gtin> products,
      List<StandardVersion> standards,
      List<BaseId> sites,
      List<HouseholdId> households,
      List<SaleId> sales,
      List<RefundId> refunds) {
    return new EventReferences(lots, products, standards, sites, households, sales, refunds);
  }

  private static LotId lot(String id) {
    return LotId.of(id);
  }

  @Test
  void productRegistered_namesItsProduct() {
    assertThat(Samples.product().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(Samples.TEA),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void standardPublished_namesItsVersionAndTheProductItGrades() {
    assertThat(Samples.standard().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(Samples.TEA),
                List.of(new StandardVersion(Samples.STD, 1)),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void siteRegistered_namesItsBase() {
    assertThat(Samples.site().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(),
                List.of(),
                List.of(Samples.BASE),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void householdEnrolled_namesTheHousehold_notTheCooperative() {
    assertThat(Samples.household().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(),
                List.of(),
                List.of(),
                List.of(Samples.HH1),
                List.of(),
                List.of()));
  }

  @Test
  void productionRecorded_namesItsBaseAndItsLotWhenGiven() {
    ProductionRecorded withLot = Samples.production();
    assertThat(withLot.references())
        .isEqualTo(
            refs(
                List.of(lot("H2022-001")),
                List.of(),
                List.of(),
                List.of(Samples.BASE),
                List.of(),
                List.of(),
                List.of()));
    ProductionRecorded noLot =
        new ProductionRecorded(
            withLot.baseId(),
            Optional.empty(),
            withLot.activity(),
            withLot.detail(),
            withLot.input(),
            withLot.occurredAt());
    assertThat(noLot.references().lots()).isEmpty();
    assertThat(noLot.references().sites()).containsExactly(Samples.BASE);
  }

  @Test
  void harvestDelivered_namesLotProductHouseholdAndBase() {
    assertThat(Samples.delivery().references())
        .isEqualTo(
            refs(
                List.of(lot("H2022-001")),
                List.of(Samples.TEA),
                List.of(),
                List.of(Samples.BASE),
                List.of(Samples.HH1),
                List.of(),
                List.of()));
  }

  @Test
  void lotTransformed_namesInputsThenOutputs_andTheOutputsProducts_eachOnce() {
    assertThat(Samples.grading().references())
        .isEqualTo(
            refs(
                List.of(lot("H2022-001"), lot("G2022-001A"), lot("G2022-001B")),
                List.of(Samples.TEA),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
    LotTransformed packing =
        new LotTransformed(
            TransformProcess.PACKING,
            List.of(
                new LotInput(lot("A"), Quantity.of(10)), new LotInput(lot("B"), Quantity.of(10))),
            List.of(
                new LotOutput(lot("P1"), Samples.TEA_BOX, Quantity.of(5), Optional.empty()),
                new LotOutput(lot("P2"), Samples.OIL, Quantity.of(5), Optional.empty())),
            Samples.at(3));
    assertThat(packing.references().lots())
        .containsExactly(lot("A"), lot("B"), lot("P1"), lot("P2"));
    assertThat(packing.references().products()).containsExactly(Samples.TEA_BOX, Samples.OIL);
  }

  @Test
  void inspectionRecorded_namesItsLotAndTheStandardVersionItGradesBy() {
    assertThat(Samples.inspection().references())
        .isEqualTo(
            refs(
                List.of(lot("G2022-001A")),
                List.of(),
                List.of(new StandardVersion(Samples.STD, 1)),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
  }

  @Test
  void saleRecorded_namesItsSaleAndTheLotItDrawsOn() {
    assertThat(Samples.sale().references())
        .isEqualTo(
            refs(
                List.of(lot("G2022-001A")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(SaleId.of("S-0001")),
                List.of()));
  }

  @Test
  void saleRefunded_namesItsRefundAndSale_notTheSalesLot() {
    assertThat(Samples.refund().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(SaleId.of("S-0001")),
                List.of(RefundId.of("R-0001"))));
  }

  @Test
  void wageRecorded_namesHouseholdAndBase() {
    assertThat(Samples.wage().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(),
                List.of(),
                List.of(Samples.BASE),
                List.of(Samples.HH1),
                List.of(),
                List.of()));
  }

  @Test
  void payoutMade_namesItsHousehold() {
    assertThat(Samples.payout().references())
        .isEqualTo(
            refs(
                NO_LOTS,
                List.of(),
                List.of(),
                List.of(),
                List.of(Samples.HH1),
                List.of(),
                List.of()));
  }

  @Test
  void standardIds_areTheIdsOfTheVersions_eachOnce() {
    EventReferences r =
        refs(
            NO_LOTS,
            List.of(),
            List.of(
                new StandardVersion(StandardId.of("S-1"), 1),
                new StandardVersion(StandardId.of("S-2"), 1),
                new StandardVersion(StandardId.of("S-1"), 2)),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    assertThat(r.standardIds()).containsExactly(StandardId.of("S-1"), StandardId.of("S-2"));
  }

  @Test
  void theSamplesAboveCoverEveryEventType() {
    Set<Class<?>> sampled =
        Samples.all().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(concreteEventTypes(LedgerEvent.class));
    assertThat(sampled).hasSize(12);
  }

  /** The records of the sealed hierarchy under {@code type}. */
  static List<Class<?>> concreteEventTypes(Class<?> type) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (sub.isSealed()) {
        out.addAll(concreteEventTypes(sub));
      } else {
        out.add(sub);
      }
    }
    return out;
  }
}
