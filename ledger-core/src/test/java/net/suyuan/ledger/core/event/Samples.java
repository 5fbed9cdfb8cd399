package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.suyuan.ledger.core.event.GradeLimits.Limit;
import net.suyuan.ledger.core.event.InspectionRecorded.Result;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;

/** One realistic event of each type, shared by the body and validation tests. */
final class Samples {
  static final Gtin TEA = Gtin.of("6901234500004"); // loose tea leaves, g
  static final Gtin TEA_BOX = Gtin.of("6901234500011"); // boxed tea, g
  static final Gtin OIL = Gtin.of("6901234500028"); // camellia oil, ml
  static final StandardId STD = StandardId.of("T-QS-001");
  static final OrgId COOP = OrgId.of("coop.qingshui");
  static final HouseholdId HH1 = HouseholdId.of("hh-0001");
  static final BaseId BASE = BaseId.of("base-east-slope");
  static final Instant T0 = Instant.parse("2022-03-01T08:00:00.000Z");

  private Samples() {}

  static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  static ProductRegistered product() {
    return new ProductRegistered(
        TEA,
        "清水绿茶 散装",
        BaseUnit.G,
        Optional.of(new ReferencePrice(Fen.of(4000), Quantity.of(500))));
  }

  static StandardPublished standard() {
    return new StandardPublished(
        STD,
        1,
        TEA,
        "清水绿茶团体标准",
        List.of(
            new GradeLimits(
                "A",
                List.of(
                    new Limit("moisture_permille", OptionalLong.empty(), OptionalLong.of(70)),
                    new Limit("leaf_length_mm", OptionalLong.of(20), OptionalLong.of(40)),
                    new Limit(
                        "residue_ug_per_kg:chlorpyrifos",
                        OptionalLong.empty(),
                        OptionalLong.of(50)))),
            new GradeLimits(
                "B",
                List.of(
                    new Limit("moisture_permille", OptionalLong.empty(), OptionalLong.of(90))))));
  }

  static SiteRegistered site() {
    return new SiteRegistered(BASE, "东坡茶园", "清水村", "安化县");
  }

  static HouseholdEnrolled household() {
    return new HouseholdEnrolled(HH1, "清水村", COOP);
  }

  static ProductionRecorded production() {
    return new ProductionRecorded(
        BASE,
        Optional.of(LotId.of("H2022-001")),
        Activity.INPUT_APPLIED,
        Optional.of("organic fertilizer, east rows"),
        Optional.of(
            new ProductionRecorded.Input("organic fertilizer", Quantity.of(20000), BaseUnit.G)),
        at(1));
  }

  static HarvestDelivered delivery() {
    return new HarvestDelivered(LotId.of("H2022-001"), TEA, HH1, BASE, Quantity.of(12000), at(2));
  }

  static LotTransformed grading() {
    return new LotTransformed(
        TransformProcess.GRADING,
        List.of(new LotInput(LotId.of("H2022-001"), Quantity.of(10000))),
        List.of(
            new LotOutput(LotId.of("G2022-001A"), TEA, Quantity.of(6000), Optional.of("A")),
            new LotOutput(LotId.of("G2022-001B"), TEA, Quantity.of(3500), Optional.of("B"))),
        at(3));
  }

  static InspectionRecorded inspection() {
    return new InspectionRecorded(
        LotId.of("G2022-001A"),
        STD,
        1,
        "A",
        List.of(
            new Result("moisture_permille", 62),
            new Result("leaf_length_mm", 31),
            new Result("residue_ug_per_kg:chlorpyrifos", 0)),
        true,
        at(4));
  }

  static SaleRecorded sale() {
    return new SaleRecorded(
        SaleId.of("S-0001"),
        Channel.LIVESTREAM,
        LotId.of("G2022-001A"),
        Quantity.of(1500),
        Fen.of(6800),
        Quantity.of(500),
        new SaleFees(Fen.of(1020), Fen.of(2040), Fen.of(800), Fen.of(300)),
        at(5));
  }

  static SaleRefunded refund() {
    return new SaleRefunded(
        RefundId.of("R-0001"), SaleId.of("S-0001"), Quantity.of(500), Fen.of(6800), at(6));
  }

  static WageRecorded wage() {
    return new WageRecorded(HH1, BASE, Fen.of(24000), OptionalInt.of(2), at(7));
  }

  static PayoutMade payout() {
    return new PayoutMade(HH1, Fen.of(150000), Optional.of("TRF-20220301-17"), at(8));
  }

  static List<LedgerEvent> all() {
    return List.of(
        product(),
        standard(),
        site(),
        household(),
        production(),
        delivery(),
        grading(),
        inspection(),
        sale(),
        refund(),
        wage(),
        payout());
  }
}
