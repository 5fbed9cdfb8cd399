package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.Samples.BASE;
import static net.suyuan.ledger.core.event.Samples.HH1;
import static net.suyuan.ledger.core.event.Samples.STD;
import static net.suyuan.ledger.core.event.Samples.TEA;
import static net.suyuan.ledger.core.event.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.event.InspectionRecorded.Result;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every rejection against ledger state: its field and its message. */
class EventValidatorTest {
  private static final String COOP = "coop.qingshui";
  private static final Instant NOW = at(60);
  private final EventValidator validator = new EventValidator();
  private InMemoryLedgerState state;

  /** Product, standard, site, household, 12000 g delivered, graded into A 6000 g and B 3500 g. */
  @BeforeEach
  void seed() throws EventValidationException {
    state = new InMemoryLedgerState();
    for (LedgerEvent e :
        List.of(
            Samples.product(),
            Samples.standard(),
            Samples.site(),
            Samples.household(),
            Samples.delivery(),
            Samples.grading(),
            Samples.sale())) {
      accept(e);
    }
  }

  private void accept(LedgerEvent event) throws EventValidationException {
    validator.validate(state, COOP, event, NOW);
    state.apply(event);
  }

  private void assertRejected(LedgerEvent event, String field, String message) {
    assertThatThrownBy(() -> validator.validate(state, COOP, event, NOW))
        .isInstanceOfSatisfying(
            EventValidationException.class,
            e -> assertThat(e.errors()).containsExactly(new FieldError(field, message)));
  }

  private static SaleRecorded sale(String id, String lot, long quantity) {
    return new SaleRecorded(
        SaleId.of(id),
        Samples.sale().channel(),
        LotId.of(lot),
        Quantity.of(quantity),
        Fen.of(10),
        Quantity.of(1),
        SaleFees.NONE,
        at(10));
  }

  @Test
  void sale_moreThanLotHolds_rejectedNamingQuantity() {
    // G2022-001A: 6000 g graded, 1500 g sold
    assertRejected(
        sale("S-2", "G2022-001A", 4501),
        "quantity",
        "lot G2022-001A holds only 4500 g, cannot sell 4501 g");
  }

  @Test
  void sale_exactlyWhatLotHolds_accepted() throws EventValidationException {
    accept(sale("S-2", "G2022-001A", 4500));
    assertThat(state.lot(LotId.of("G2022-001A")).orElseThrow().remaining()).isZero();
  }

  @Test
  void sale_unknownLot_rejectedNamingLotId() {
    assertRejected(sale("S-2", "NOPE", 1), "lotId", "lot NOPE does not exist");
  }

  @Test
  void sale_duplicateSaleId_rejectedNamingSaleId() {
    assertRejected(sale("S-0001", "G2022-001A", 1), "saleId", "sale S-0001 is already recorded");
  }

  @Test
  void transform_moreThanLotHolds_rejectedNamingInputQuantity() {
    // H2022-001: 12000 g delivered, 10000 g graded
    LotTransformed t =
        new LotTransformed(
            TransformProcess.PACKING,
            List.of(
                new LotInput(LotId.of("G2022-001B"), Quantity.of(100)),
                new LotInput(LotId.of("H2022-001"), Quantity.of(2001))),
            List.of(new LotOutput(LotId.of("P1"), TEA, Quantity.of(2000), Optional.empty())),
            at(10));
    assertRejected(t, "inputs[1].quantity", "lot H2022-001 holds only 2000 g, cannot take 2001 g");
  }

  @Test
  void transform_unknownInputLot_rejectedWithIndex() {
    LotTransformed t = transform("G2022-001B", 100, "P1", 100, TEA);
    t =
        new LotTransformed(
            t.process(),
            List.of(t.inputs().get(0), new LotInput(LotId.of("GHOST"), Quantity.of(1))),
            t.outputs(),
            t.occurredAt());
    assertRejected(t, "inputs[1].lotId", "lot GHOST does not exist");
  }

  @Test
  void transform_outputLotAlreadyExists_rejectedNamingOutputLot() {
    assertRejected(
        transform("G2022-001B", 100, "G2022-001A", 100, TEA),
        "outputs[0].lotId",
        "lot G2022-001A already exists");
  }

  @Test
  void transform_outputTotalAboveInputTotal_rejected() {
    assertRejected(
        transform("G2022-001B", 100, "P1", 101, TEA),
        "outputs",
        "outputs total 101 g exceeds inputs total 100 g");
  }

  @Test
  void transform_outputOfUnknownProduct_rejectedNamingGtin() {
    assertRejected(
        transform("G2022-001B", 100, "P1", 100, Samples.OIL),
        "outputs[0].gtin",
        "product 06901234500028 is not registered");
  }

  private static LotTransformed transform(
      String in, long inQty, String out, long outQty, Gtin outGtin) {
    return new LotTransformed(
        TransformProcess.PACKING,
        List.of(new LotInput(LotId.of(in), Quantity.of(inQty))),
        List.of(new LotOutput(LotId.of(out), outGtin, Quantity.of(outQty), Optional.empty())),
        at(10));
  }

  @Test
  void delivery_unknownProduct_rejectedNamingGtin() {
    HarvestDelivered d =
        new HarvestDelivered(LotId.of("H2"), Samples.OIL, HH1, BASE, Quantity.of(1), at(10));
    assertRejected(d, "gtin", "product 06901234500028 is not registered");
  }

  @Test
  void delivery_householdNotEnrolled_rejectedNamingHouseholdId() {
    HarvestDelivered d =
        new HarvestDelivered(
            LotId.of("H2"), TEA, HouseholdId.of("hh-9999"), BASE, Quantity.of(1), at(10));
    assertRejected(d, "householdId", "household hh-9999 is not enrolled");
  }

  @Test
  void delivery_intoTransformedLot_rejected() {
    HarvestDelivered d =
        new HarvestDelivered(LotId.of("G2022-001A"), TEA, HH1, BASE, Quantity.of(1), at(10));
    assertRejected(d, "lotId", "lot G2022-001A was created by a transformation, not by deliveries");
  }

  @Test
  void delivery_occurredMoreThanFiveMinutesAfterNow_rejectedAsFuture() {
    HarvestDelivered d =
        new HarvestDelivered(LotId.of("H2"), TEA, HH1, BASE, Quantity.of(1), NOW.plusSeconds(301));
    assertRejected(
        d,
        "occurredAt",
        "occurredAt is in the future: 2022-03-01T09:05:01.000Z is more than PT5M after"
            + " 2022-03-01T09:00:00.000Z");
  }

  @Test
  void delivery_withinFutureTolerance_accepted() throws EventValidationException {
    accept(
        new HarvestDelivered(LotId.of("H2"), TEA, HH1, BASE, Quantity.of(1), NOW.plusSeconds(300)));
  }

  @Test
  void validator_configurableTolerance_appliesToFutureCheck() {
    EventValidator strict = new EventValidator(Duration.ZERO);
    HarvestDelivered d =
        new HarvestDelivered(LotId.of("H2"), TEA, HH1, BASE, Quantity.of(1), NOW.plusMillis(1));
    assertThatThrownBy(() -> strict.validate(state, COOP, d, NOW))
        .hasMessageContaining("occurredAt is in the future");
  }

  @Test
  void product_reRegistration_rejectedNamingGtin() {
    assertRejected(Samples.product(), "gtin", "product 06901234500004 is already registered");
  }

  @Test
  void standard_versionNotIncreasing_rejectedNamingVersion() {
    assertRejected(
        Samples.standard(),
        "version",
        "standard T-QS-001 version 1 is not greater than its latest version 1");
  }

  @Test
  void household_enrolledByAnotherOrg_rejectedNamingCooperative() {
    HouseholdEnrolled e = new HouseholdEnrolled(HouseholdId.of("hh-0002"), "清水村", Samples.COOP);
    assertThatThrownBy(() -> validator.validate(state, "processor.anhua", e, NOW))
        .isInstanceOfSatisfying(
            EventValidationException.class,
            x ->
                assertThat(x.first())
                    .isEqualTo(
                        new FieldError(
                            "cooperative",
                            "a household is enrolled by its own cooperative coop.qingshui,"
                                + " but the actor is processor.anhua")));
  }

  @Test
  void anyEvent_malformedActor_rejectedNamingActor() {
    assertThatThrownBy(() -> validator.validate(state, "Coop Qingshui", Samples.wage(), NOW))
        .isInstanceOfSatisfying(
            EventValidationException.class, x -> assertThat(x.first().field()).isEqualTo("actor"));
  }

  @Test
  void wage_householdNotEnrolled_rejectedNamingHouseholdId() {
    WageRecorded w = Samples.wage();
    assertRejected(
        new WageRecorded(HouseholdId.of("hh-x"), w.baseId(), w.amountFen(), w.days(), at(9)),
        "householdId",
        "household hh-x is not enrolled");
  }

  @Test
  void inspection_unknownStandardVersion_rejectedNamingStandardVersion() {
    assertRejected(
        inspection(2, "A", true, 62),
        "standardVersion",
        "standard T-QS-001 version 2 is not published (latest is version 1)");
  }

  @Test
  void inspection_passedClaimedButValueAboveMax_rejectedNamingPassed() {
    assertRejected(
        inspection(1, "A", true, 75),
        "passed",
        "passed is true but moisture_permille = 75 is outside [-∞, 70] for grade A");
  }

  @Test
  void inspection_failedClaimedButAllWithinLimits_rejectedNamingPassed() {
    assertRejected(
        inspection(1, "A", false, 62),
        "passed",
        "passed is false but every limit of grade A is met by the results");
  }

  @Test
  void inspection_limitedMetricNotMeasured_meansNotPassed() throws EventValidationException {
    InspectionRecorded e =
        new InspectionRecorded(
            LotId.of("G2022-001A"),
            STD,
            1,
            "A",
            List.of(new Result("moisture_permille", 60)),
            true,
            at(10));
    assertRejected(
        e, "passed", "passed is true but leaf_length_mm is limited by grade A but not measured");
    accept(new InspectionRecorded(e.lotId(), STD, 1, "A", e.results(), false, e.occurredAt()));
  }

  @Test
  void inspection_unknownGrade_rejectedNamingGrade() {
    assertRejected(
        inspection(1, "AAA", true, 62), "grade", "standard T-QS-001 version 1 has no grade 'AAA'");
  }

  private static InspectionRecorded inspection(
      int version, String grade, boolean passed, long moisture) {
    return new InspectionRecorded(
        LotId.of("G2022-001A"),
        STD,
        version,
        grade,
        List.of(
            new Result("moisture_permille", moisture),
            new Result("leaf_length_mm", 30),
            new Result("residue_ug_per_kg:chlorpyrifos", 0)),
        passed,
        at(10));
  }

  @Test
  void refund_quantityLargerThanSale_rejectedNamingQuantity() {
    assertRejected(
        refund("R-2", "S-0001", 1501, 1),
        "quantity",
        "refund quantity 1501 exceeds the 1500 still refundable of sale S-0001"
            + " (sold 1500, refunded 0)");
  }

  @Test
  void refund_cumulativeAmountLargerThanGross_rejectedNamingAmountFen()
      throws EventValidationException {
    accept(refund("R-2", "S-0001", 500, 20000)); // gross is 3 x 6800 = 20400
    assertRejected(
        refund("R-3", "S-0001", 500, 401),
        "amountFen",
        "refund amount 401 fen exceeds the 400 fen still refundable of sale S-0001"
            + " (gross 20400 fen, refunded 20000 fen)");
  }

  @Test
  void refund_unknownSale_rejectedNamingSaleId() {
    assertRejected(refund("R-2", "S-404", 1, 1), "saleId", "sale S-404 does not exist");
  }

  @Test
  void refund_duplicateRefundId_rejectedNamingRefundId() throws EventValidationException {
    accept(refund("R-2", "S-0001", 1, 1));
    assertRejected(refund("R-2", "S-0001", 1, 1), "refundId", "refund R-2 is already recorded");
  }

  @Test
  void refund_feesReturnedWithinCharged_accepted_cumulativeBeyondAFee_rejectedNamingIt()
      throws EventValidationException {
    accept(refund("R-2", "S-0001", 500, 6800, fees(0, 1000, 800, 0))); // charged 1020/2040/800/300
    assertThat(state.sale(SaleId.of("S-0001")).orElseThrow().feesReturned())
        .contains(fees(0, 1000, 800, 0));
    assertRejected(
        refund("R-3", "S-0001", 500, 6800, fees(0, 1000, 1, 0)),
        "feesReturned.logisticsFen",
        "returns 1 fen of logisticsFen but sale S-0001 was charged 800 fen of it and earlier"
            + " refunds returned 800 fen");
    accept(refund("R-3", "S-0001", 500, 6800, fees(1020, 1040, 0, 300)));
  }

  @Test
  void refund_feesReturnedBeyondAmount_rejectedNamingFeesReturned() {
    assertThatThrownBy(() -> refund("R-2", "S-0001", 1, 100, fees(0, 101, 0, 0)))
        .isInstanceOfSatisfying(
            FieldException.class, e -> assertThat(e.toError().field()).isEqualTo("feesReturned"));
  }

  @Test
  void refund_statedAfterUnstated_rejectedNamingFeesReturned() throws EventValidationException {
    accept(refund("R-2", "S-0001", 1, 100));
    assertRejected(
        refund("R-3", "S-0001", 1, 100, fees(0, 0, 0, 0)),
        "feesReturned",
        "the earlier refunds of sale S-0001 do not state feesReturned: a sale's refunds either"
            + " all state it or none does");
  }

  @Test
  void refund_unstatedAfterStated_rejectedNamingFeesReturned() throws EventValidationException {
    accept(refund("R-2", "S-0001", 1, 100, fees(0, 0, 0, 0)));
    assertRejected(
        refund("R-3", "S-0001", 1, 100),
        "feesReturned",
        "the earlier refunds of sale S-0001 state feesReturned: a sale's refunds either all"
            + " state it or none does");
  }

  private static SaleFees fees(long platform, long service, long logistics, long packaging) {
    return new SaleFees(Fen.of(platform), Fen.of(service), Fen.of(logistics), Fen.of(packaging));
  }

  private static SaleRefunded refund(
      String id, String sale, long quantity, long fen, SaleFees returned) {
    return new SaleRefunded(
        RefundId.of(id),
        SaleId.of(sale),
        Quantity.of(quantity),
        Fen.of(fen),
        java.util.Optional.of(returned),
        at(10));
  }

  private static SaleRefunded refund(String id, String sale, long quantity, long fen) {
    return new SaleRefunded(
        RefundId.of(id), SaleId.of(sale), Quantity.of(quantity), Fen.of(fen), at(10));
  }

  @Test
  void production_unknownSite_rejectedNamingBaseId() {
    ProductionRecorded p = Samples.production();
    assertRejected(
        new ProductionRecorded(
            net.suyuan.ledger.core.id.BaseId.of("base-x"),
            p.lotId(),
            p.activity(),
            p.detail(),
            p.input(),
            p.occurredAt()),
        "baseId",
        "production base base-x is not registered");
  }

  @Test
  void product_unitIsKeptForMessages() {
    assertThat(state.product(TEA).orElseThrow().baseUnit()).isEqualTo(BaseUnit.G);
  }
}
