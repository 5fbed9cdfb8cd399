package net.suyuan.ledger.api.demo;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import net.suyuan.ledger.core.event.AppendRequests;
import net.suyuan.ledger.core.event.GradeLimits;
import net.suyuan.ledger.core.event.GradeLimits.Limit;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductRegistered.ReferencePrice;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.event.WageRecorded;
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
import net.suyuan.ledger.core.json.JsonObject;

/**
 * The demo: three programs from the study (docs/demo.md), as organizations and the batches of typed
 * events they record, in order. Pure data; {@link DemoClient} sends it through the append API like
 * any client. Every figure the published study gives is reproduced exactly by the income rules
 * (docs/income.md): the fee split on each sale is the modelling choice that makes the households'
 * share come out at the published average income (the study publishes revenue and income, not
 * fees).
 *
 * <ul>
 *   <li>Liuzhi small yellow ginger, full-chain platform model (org {@code so-liuzhi}): online sales
 *       3,200,000 yuan (2021) and 15,000,000 yuan (2022); 120 and 450 participating households;
 *       average net income per household 8,000 and 18,000 yuan (+125%).
 *   <li>Longnan olive oil, brand model (org {@code so-longnan}): unit price 50 yuan per 500 ml
 *       (2021, the registered reference price) rising to 88 yuan (2022), a 76% premium; 2,050
 *       households whose average income rises by 12,000 yuan (8,000 to 20,000).
 *   <li>Fengjie navel oranges (org {@code so-fengjie}): livestream, social-group and offline sales
 *       with refunds, wages and payouts, for the channel comparison.
 * </ul>
 */
public final class DemoScenario {

  /** An organization the demo creates, with its role (the wire name, e.g. {@code seller}). */
  public record Org(OrgId orgId, String name, String role) {}

  /** Events one organization records in one request (all or nothing, at most 1,000). */
  public record Batch(OrgId orgId, List<LedgerEvent> events) {
    public Batch {
      events = List.copyOf(events);
    }

    /** The {@code POST /api/v1/events} request body for this batch. */
    public JsonObject request() {
      return AppendRequests.batch(events);
    }
  }

  /**
   * A product line of one program, the same every season. The cooperative has a base in each of
   * {@code villages} ({@code program-base-1}...); household h ({@code program-0001}...) lives in
   * village h % n (from 0) and delivers the raw product to that village's base. The processor turns
   * the harvest into lots by {@code process}; the inspector passes the first of them at {@code
   * grade} by {@code standard} with {@code results}; it is packed at that grade and sold on the
   * platform. Organizations are {@code coop-}, {@code proc-}, {@code insp-} and {@code seller-} +
   * {@code place}. Calendar: deliveries in the month before {@code month}, household h on day 1 + h
   * % {@code deliveryDays}; processing, inspection and packing on days 2, 3 and 4 of {@code month};
   * sale i (from 1) in month {@code month} + (i - 1) / {@code salesPerMonth}, on day {@code
   * salesFrom} + i.
   */
  record ProductLine(
      String program,
      String place,
      List<String> villages,
      Gtin raw,
      TransformProcess process,
      String standard,
      String grade,
      List<InspectionRecorded.Result> results,
      int month,
      int deliveryDays,
      int salesPerMonth,
      int salesFrom) {}

  /**
   * One season of a {@link ProductLine}: each of {@code households} delivers {@code perHousehold}
   * base units into lot {@code prefix-H}, processed into {@code outputs} (the first is inspected,
   * packed into lot {@code prefix-P} and sold), then ten platform sales {@code prefix-S1}... of
   * {@code perSale} each at {@code unitPriceFen} per 500 base units with {@code fees} each.
   */
  record Season(
      String prefix,
      int year,
      int households,
      long perHousehold,
      List<LotOutput> outputs,
      long perSale,
      long unitPriceFen,
      SaleFees fees) {}

  static final int LIUZHI_2021_HOUSEHOLDS = 120;
  static final int LIUZHI_2022_HOUSEHOLDS = 450;
  static final int LONGNAN_HOUSEHOLDS = 2_050;
  static final int FENGJIE_HOUSEHOLDS = 60;
  static final int MAX_BATCH = AppendRequests.MAX_EVENTS;

  private static final Gtin GINGER_GTIN = Gtin.completing("0690000100001");
  private static final Gtin OLIVES_GTIN = Gtin.completing("0690000200001");
  private static final Gtin OLIVE_OIL_GTIN = Gtin.completing("0690000200002");
  private static final Gtin ORANGES_GTIN = Gtin.completing("0690000300001");

  /** GTINs (check digits computed): ginger, olives, olive oil, navel oranges. */
  public static final String GINGER = GINGER_GTIN.value();

  public static final String OLIVES = OLIVES_GTIN.value();
  public static final String OLIVE_OIL = OLIVE_OIL_GTIN.value();
  public static final String ORANGES = ORANGES_GTIN.value();

  private static final ProductLine LIUZHI_GINGER =
      new ProductLine(
          "lz",
          "liuzhi",
          List.of("落别乡", "牂牁镇", "郎岱镇"),
          GINGER_GTIN,
          TransformProcess.GRADING,
          "LZ-GINGER",
          "A",
          List.of(result("weight_g", 180), result("moisture_permille", 880)),
          10,
          20,
          4,
          5);
  private static final ProductLine LONGNAN_OLIVE_OIL =
      new ProductLine(
          "ln",
          "longnan",
          List.of("武都区汉王镇", "武都区两水镇", "武都区外纳镇", "宕昌县沙湾镇"),
          OLIVES_GTIN,
          TransformProcess.PROCESSING,
          "LN-OIL",
          "EV",
          List.of(result("acidity_centipercent", 42), result("peroxide_meq_per_kg", 9)),
          11,
          25,
          5,
          10);

  /** A sale's price: {@code fen} per {@code per} base units. */
  record UnitPrice(Fen fen, Quantity per) {}

  /** Prices in the demo are per 500 g or 500 ml, except Fengjie's 5 kg boxes. */
  private static final Quantity PER_500 = Quantity.of(500);

  private final List<Org> orgs = new ArrayList<>();
  private final List<Batch> batches = new ArrayList<>();

  public DemoScenario() {
    liuzhi();
    longnan();
    fengjie();
  }

  public List<Org> orgs() {
    return List.copyOf(orgs);
  }

  public List<Batch> batches() {
    return List.copyOf(batches);
  }

  /** Number of events in the whole scenario. */
  public int eventCount() {
    return batches.stream().mapToInt(b -> b.events().size()).sum();
  }

  private void liuzhi() {
    org("so-liuzhi", "六枝特区电商扶贫社会组织", "social_org");
    org("coop-liuzhi", "六枝小黄姜专业合作社", "cooperative");
    org("proc-liuzhi", "六枝生姜分拣包装厂", "processor");
    org("insp-liuzhi", "六枝农产品质量检测站", "inspector");
    org("seller-liuzhi", "贝店六枝小黄姜旗舰店", "seller");
    add(
        "so-liuzhi",
        product(GINGER_GTIN, "六枝小黄姜", BaseUnit.G, Optional.empty()),
        standard(
            "LZ-GINGER",
            GINGER_GTIN,
            "六枝小黄姜团体标准",
            between("weight_g", 80, 400),
            atMost("moisture_permille", 920)));
    basesAndHouseholds(LIUZHI_GINGER, "六枝特区", "小黄姜种植基地", LIUZHI_2022_HOUSEHOLDS);
    // 2021: 120 households, 10 platform sales of 16 t at 10.00 yuan per 500 g = 3,200,000 yuan;
    // each sale keeps 9,600,000 fen for the households after 22,400,000 fen of fees.
    season(
        LIUZHI_GINGER,
        new Season(
            "LZ21",
            2021,
            LIUZHI_2021_HOUSEHOLDS,
            1_400_000,
            List.of(
                output("LZ21-A", 160_000_000, "A", GINGER_GTIN),
                output("LZ21-B", 5_000_000, "B", GINGER_GTIN)),
            16_000_000,
            1000,
            fees(3_200_000, 1_600_000, 9_600_000, 8_000_000)));
    // 2022: 450 households, 10 sales of 62.5 t at 12.00 yuan per 500 g = 15,000,000 yuan; each sale
    // keeps 81,000,000 fen for the households after 69,000,000 fen of fees.
    season(
        LIUZHI_GINGER,
        new Season(
            "LZ22",
            2022,
            LIUZHI_2022_HOUSEHOLDS,
            1_400_000,
            List.of(
                output("LZ22-A", 625_000_000, "A", GINGER_GTIN),
                output("LZ22-B", 4_000_000, "B", GINGER_GTIN)),
            62_500_000,
            1200,
            fees(15_000_000, 7_500_000, 22_500_000, 24_000_000)));
  }

  /**
   * The line's cooperative registers its bases, named {@code siteName} 1, 2..., and enrolls {@code
   * households} households in their villages.
   */
  private void basesAndHouseholds(
      ProductLine line, String county, String siteName, int households) {
    List<String> villages = line.villages();
    List<LedgerEvent> setup = new ArrayList<>();
    for (int b = 0; b < villages.size(); b++) {
      setup.add(site(base(line, b + 1), county, villages.get(b), siteName + (b + 1)));
    }
    for (int h = 1; h <= households; h++) {
      setup.add(
          household(
              hh(line.program(), h), villages.get(h % villages.size()), "coop-" + line.place()));
    }
    add("coop-" + line.place(), setup);
  }

  /** Base {@code n} (from 1) of the line. */
  private static String base(ProductLine line, int n) {
    return line.program() + "-base-" + n;
  }

  /** One season of a product line: deliveries, processing, inspection, packing and ten sales. */
  private void season(ProductLine line, Season s) {
    String harvest = s.prefix() + "-H";
    String packed = s.prefix() + "-P";
    LotOutput sold = s.outputs().get(0);
    List<LedgerEvent> deliveries = new ArrayList<>();
    for (int h = 1; h <= s.households(); h++) {
      deliveries.add(
          harvest(
              harvest,
              line.raw(),
              hh(line.program(), h),
              base(line, h % line.villages().size() + 1),
              s.perHousehold(),
              at(s.year(), line.month() - 1, 1 + h % line.deliveryDays())));
    }
    add("coop-" + line.place(), deliveries);
    add(
        "proc-" + line.place(),
        transform(
            line.process(),
            at(s.year(), line.month(), 2),
            List.of(input(harvest, s.households() * s.perHousehold())),
            s.outputs()));
    add(
        "insp-" + line.place(),
        inspection(
            sold.lotId(),
            line.standard(),
            line.grade(),
            at(s.year(), line.month(), 3),
            line.results()));
    add(
        "proc-" + line.place(),
        transform(
            TransformProcess.PACKING,
            at(s.year(), line.month(), 4),
            List.of(new LotInput(sold.lotId(), sold.quantity())),
            List.of(
                new LotOutput(
                    LotId.of(packed), sold.gtin(), sold.quantity(), Optional.of(line.grade())))));
    List<LedgerEvent> sales = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sales.add(
          sale(
              s.prefix() + "-S" + i,
              Channel.PLATFORM,
              packed,
              s.perSale(),
              new UnitPrice(Fen.of(s.unitPriceFen()), PER_500),
              s.fees(),
              at(s.year(), line.month() + (i - 1) / line.salesPerMonth(), line.salesFrom() + i)));
    }
    add("seller-" + line.place(), sales);
  }

  private void longnan() {
    org("so-longnan", "陇南橄榄油品牌推广社会组织", "social_org");
    org("coop-longnan", "陇南橄榄种植合作社", "cooperative");
    org("proc-longnan", "陇南橄榄油压榨厂", "processor");
    org("insp-longnan", "陇南油脂质量检测中心", "inspector");
    org("seller-longnan", "陇南橄榄油品牌店", "seller");
    add(
        "so-longnan",
        product(OLIVES_GTIN, "陇南鲜橄榄果", BaseUnit.G, Optional.empty()),
        product(OLIVE_OIL_GTIN, "陇南特级初榨橄榄油", BaseUnit.ML, Optional.of(price(5000))),
        standard(
            "LN-OIL",
            OLIVE_OIL_GTIN,
            "陇南特级初榨橄榄油标准",
            between("acidity_centipercent", 0, 80),
            atMost("peroxide_meq_per_kg", 20)));
    basesAndHouseholds(LONGNAN_OLIVE_OIL, "陇南市", "油橄榄示范园", LONGNAN_HOUSEHOLDS);
    // 2021, unbranded price 50 yuan per 500 ml: 10 sales of 46,800 bottles, each keeping
    // 164,000,000 fen for the households (8,000 yuan each on average).
    season(
        LONGNAN_OLIVE_OIL,
        new Season(
            "LN21",
            2021,
            LONGNAN_HOUSEHOLDS,
            600_000,
            List.of(output("LN21-OIL", 234_000_000, OLIVE_OIL_GTIN)),
            23_400_000,
            5000,
            fees(23_400_000, 11_700_000, 23_400_000, 11_500_000)));
    // 2022, brand price 88 yuan: 10 sales of 56,000 bottles, each keeping 410,000,000 fen
    // (20,000 yuan each on average: +12,000 yuan).
    season(
        LONGNAN_OLIVE_OIL,
        new Season(
            "LN22",
            2022,
            LONGNAN_HOUSEHOLDS,
            700_000,
            List.of(output("LN22-OIL", 280_000_000, OLIVE_OIL_GTIN)),
            28_000_000,
            8800,
            fees(49_280_000, 24_640_000, 5_000_000, 3_880_000)));
  }

  private void fengjie() {
    org("so-fengjie", "奉节脐橙产业发展社会组织", "social_org");
    org("coop-fengjie", "奉节脐橙专业合作社", "cooperative");
    org("proc-fengjie", "奉节脐橙分选中心", "processor");
    org("insp-fengjie", "奉节农产品检测站", "inspector");
    org("seller-fengjie-live", "奉节脐橙直播间", "seller");
    org("seller-fengjie-group", "奉节脐橙社群团购", "seller");
    add(
        "so-fengjie",
        product(ORANGES_GTIN, "奉节脐橙", BaseUnit.G, Optional.of(price(300))),
        standard(
            "FJ-ORANGE",
            ORANGES_GTIN,
            "奉节脐橙分级标准",
            between("diameter_mm", 75, 95),
            between("sugar_permille", 110, 200)));
    List<LedgerEvent> setup = new ArrayList<>();
    setup.add(site("fj-orchard-1", "奉节县", "草堂镇", "草堂脐橙园"));
    setup.add(site("fj-orchard-2", "奉节县", "安坪镇", "安坪脐橙园"));
    for (int h = 1; h <= FENGJIE_HOUSEHOLDS; h++) {
      setup.add(household(hh("fj", h), h % 2 == 0 ? "草堂镇" : "安坪镇", "coop-fengjie"));
    }
    add("coop-fengjie", setup);
    List<LedgerEvent> deliveries = new ArrayList<>();
    for (int h = 1; h <= FENGJIE_HOUSEHOLDS; h++) {
      String orchard = h <= 30 ? "fj-orchard-1" : "fj-orchard-2";
      deliveries.add(
          harvest(
              h <= 30 ? "FJ22-H1" : "FJ22-H2",
              ORANGES_GTIN,
              hh("fj", h),
              orchard,
              2_000_000 + 10_000L * h,
              at(2022, 11, 1 + h % 10)));
      if (h % 4 == 0) {
        deliveries.add(wage(hh("fj", h), orchard, 150_000, 5, at(2022, 11, 20)));
      }
    }
    add("coop-fengjie", deliveries);
    // Merge both orchards' fruit, split into two grades, pack each grade.
    add(
        "proc-fengjie",
        transform(
            TransformProcess.MERGING,
            at(2022, 11, 21),
            List.of(
                input("FJ22-H1", 60_000_000L + 10_000L * 465),
                input("FJ22-H2", 60_000_000L + 10_000L * 1365)),
            List.of(output("FJ22-M", 138_300_000, ORANGES_GTIN))),
        transform(
            TransformProcess.GRADING,
            at(2022, 11, 22),
            List.of(input("FJ22-M", 138_300_000)),
            List.of(
                output("FJ22-A", 100_000_000, "A", ORANGES_GTIN),
                output("FJ22-B", 35_000_000, "B", ORANGES_GTIN))),
        transform(
            TransformProcess.PACKING,
            at(2022, 11, 23),
            List.of(input("FJ22-A", 100_000_000)),
            List.of(output("FJ22-PA", 100_000_000, "A", ORANGES_GTIN))),
        transform(
            TransformProcess.PACKING,
            at(2022, 11, 23),
            List.of(input("FJ22-B", 35_000_000)),
            List.of(output("FJ22-PB", 35_000_000, "B", ORANGES_GTIN))));
    add(
        "insp-fengjie",
        inspection(
            LotId.of("FJ22-A"),
            "FJ-ORANGE",
            "A",
            at(2022, 11, 22),
            List.of(result("diameter_mm", 82), result("sugar_permille", 135))));
    List<LedgerEvent> live = new ArrayList<>();
    List<LedgerEvent> group = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      live.add(
          sale(
              "FJ22-L" + i,
              Channel.LIVESTREAM,
              "FJ22-PA",
              5_000_000,
              new UnitPrice(Fen.of(7500), Quantity.of(5000)),
              fees(150_000, 75_000, 120_000, 60_000),
              at(2022, 12, i)));
      group.add(
          sale(
              "FJ22-G" + i,
              Channel.SOCIAL_GROUP,
              "FJ22-PA",
              2_500_000,
              new UnitPrice(Fen.of(6800), Quantity.of(5000)),
              fees(0, 34_000, 40_000, 30_000),
              at(2022, 12, i)));
    }
    for (int i = 1; i <= 5; i++) {
      group.add(
          sale(
              "FJ22-O" + i,
              Channel.OFFLINE,
              "FJ22-PB",
              5_000_000,
              new UnitPrice(Fen.of(4000), Quantity.of(5000)),
              fees(0, 0, 20_000, 10_000),
              at(2022, 12, 14 + i)));
    }
    add("seller-fengjie-live", live);
    add("seller-fengjie-group", group);
    List<LedgerEvent> liveRefunds = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      liveRefunds.add(refund("FJ22-R" + i, "FJ22-L" + i, 50_000, 75_000, at(2022, 12, 20 + i)));
    }
    add("seller-fengjie-live", liveRefunds);
    add("seller-fengjie-group", refund("FJ22-R4", "FJ22-G2", 25_000, 34_000, at(2022, 12, 24)));
    List<LedgerEvent> payouts = new ArrayList<>();
    for (int h = 1; h <= FENGJIE_HOUSEHOLDS; h += 3) {
      payouts.add(
          new PayoutMade(
              HouseholdId.of(hh("fj", h)),
              Fen.of(100_000),
              Optional.of("FJ-PAY-2022-" + h),
              at(2022, 12, 28)));
    }
    add("coop-fengjie", payouts);
  }

  // ---- typed events (docs/events.md) ----

  private static ProductRegistered product(
      Gtin gtin, String name, BaseUnit unit, Optional<ReferencePrice> referencePrice) {
    return new ProductRegistered(gtin, name, unit, referencePrice);
  }

  /** A reference price of {@code fen} per 500 base units. */
  private static ReferencePrice price(long fen) {
    return new ReferencePrice(Fen.of(fen), PER_500);
  }

  /** Version 1 of a standard with grades A and EV limited by {@code limits}, and B unlimited. */
  private static StandardPublished standard(String id, Gtin gtin, String title, Limit... limits) {
    List<Limit> bounds = List.of(limits);
    return new StandardPublished(
        StandardId.of(id),
        1,
        gtin,
        title,
        List.of(
            new GradeLimits("A", bounds),
            new GradeLimits("B", List.of()),
            new GradeLimits("EV", bounds)));
  }

  private static Limit between(String metric, long min, long max) {
    return new Limit(metric, OptionalLong.of(min), OptionalLong.of(max));
  }

  private static Limit atMost(String metric, long max) {
    return new Limit(metric, OptionalLong.empty(), OptionalLong.of(max));
  }

  private static SiteRegistered site(String id, String county, String village, String name) {
    return new SiteRegistered(BaseId.of(id), name, village, county);
  }

  private static HouseholdEnrolled household(String id, String village, String coop) {
    return new HouseholdEnrolled(HouseholdId.of(id), village, OrgId.of(coop));
  }

  private static HarvestDelivered harvest(
      String lot, Gtin gtin, String hh, String base, long quantity, Instant at) {
    return new HarvestDelivered(
        LotId.of(lot), gtin, HouseholdId.of(hh), BaseId.of(base), Quantity.of(quantity), at);
  }

  private static WageRecorded wage(String hh, String base, long fen, int days, Instant at) {
    return new WageRecorded(
        HouseholdId.of(hh), BaseId.of(base), Fen.of(fen), OptionalInt.of(days), at);
  }

  private static LotTransformed transform(
      TransformProcess process, Instant at, List<LotInput> inputs, List<LotOutput> outputs) {
    return new LotTransformed(process, inputs, outputs, at);
  }

  private static LotInput input(String lot, long quantity) {
    return new LotInput(LotId.of(lot), Quantity.of(quantity));
  }

  /** An output lot without a grade. */
  private static LotOutput output(String lot, long quantity, Gtin gtin) {
    return new LotOutput(LotId.of(lot), gtin, Quantity.of(quantity), Optional.empty());
  }

  private static LotOutput output(String lot, long quantity, String grade, Gtin gtin) {
    return new LotOutput(LotId.of(lot), gtin, Quantity.of(quantity), Optional.of(grade));
  }

  /** An inspection of version 1 of {@code standard} that passes. */
  private static InspectionRecorded inspection(
      LotId lot,
      String standard,
      String grade,
      Instant at,
      List<InspectionRecorded.Result> results) {
    return new InspectionRecorded(lot, StandardId.of(standard), 1, grade, results, true, at);
  }

  private static InspectionRecorded.Result result(String metric, long value) {
    return new InspectionRecorded.Result(metric, value);
  }

  private static SaleFees fees(long platform, long service, long logistics, long packaging) {
    return new SaleFees(Fen.of(platform), Fen.of(service), Fen.of(logistics), Fen.of(packaging));
  }

  private static SaleRecorded sale(
      String id,
      Channel channel,
      String lot,
      long quantity,
      UnitPrice price,
      SaleFees fees,
      Instant at) {
    return new SaleRecorded(
        SaleId.of(id),
        channel,
        LotId.of(lot),
        Quantity.of(quantity),
        price.fen(),
        price.per(),
        fees,
        at);
  }

  private static SaleRefunded refund(
      String id, String sale, long quantity, long amountFen, Instant at) {
    return new SaleRefunded(
        RefundId.of(id), SaleId.of(sale), Quantity.of(quantity), Fen.of(amountFen), at);
  }

  private void org(String id, String name, String role) {
    orgs.add(new Org(OrgId.of(id), name, role));
  }

  private void add(String orgId, LedgerEvent... events) {
    add(orgId, List.of(events));
  }

  private void add(String orgId, List<? extends LedgerEvent> events) {
    for (int i = 0; i < events.size(); i += MAX_BATCH) {
      batches.add(
          new Batch(
              OrgId.of(orgId),
              List.copyOf(events.subList(i, Math.min(events.size(), i + MAX_BATCH)))));
    }
  }

  static String hh(String program, int n) {
    return String.format("%s-%04d", program, n);
  }

  /** Noon in China (04:00 UTC) on the given day, so the local date is the one written here. */
  static Instant at(int year, int month, int day) {
    return LocalDateTime.of(year, month, day, 4, 0).toInstant(ZoneOffset.UTC);
  }
}
