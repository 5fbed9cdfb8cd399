package net.suyuan.ledger.api.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo: three programs from the study (docs/demo.md), as organizations and the batches of
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

  /** An organization the demo creates, with its role. */
  public record Org(String orgId, String name, String role) {}

  /** Events one organization records in one request (all or nothing, at most 1,000). */
  public record Batch(String orgId, List<String> events) {}

  static final int LIUZHI_2021_HOUSEHOLDS = 120;
  static final int LIUZHI_2022_HOUSEHOLDS = 450;
  static final int LONGNAN_HOUSEHOLDS = 2_050;
  static final int FENGJIE_HOUSEHOLDS = 60;
  static final int MAX_BATCH = 1_000;

  /** GTINs (check digits computed): ginger, olives, olive oil, navel oranges. */
  public static final String GINGER = gtin("0690000100001");

  public static final String OLIVES = gtin("0690000200001");
  public static final String OLIVE_OIL = gtin("0690000200002");
  public static final String ORANGES = gtin("0690000300001");

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
        ev("product.registered", obj("baseUnit", s("g"), "gtin", s(GINGER), "name", s("六枝小黄姜"))),
        standard(
            "LZ-GINGER", GINGER, "六枝小黄姜团体标准", "weight_g", 80, 400, "moisture_permille", 0, 920));
    String[] villages = {"落别乡", "牂牁镇", "郎岱镇"};
    List<String> setup = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      setup.add(site("lz-base-" + (b + 1), "六枝特区", villages[b], "小黄姜种植基地" + (b + 1)));
    }
    for (int h = 1; h <= LIUZHI_2022_HOUSEHOLDS; h++) {
      setup.add(household(hh("lz", h), villages[h % 3], "coop-liuzhi"));
    }
    add("coop-liuzhi", setup);
    // 2021: 120 households, 10 platform sales of 16 t at 10.00 yuan per 500 g = 3,200,000 yuan;
    // each sale keeps 9,600,000 fen for the households after 22,400,000 fen of fees.
    year(
        "LZ21",
        2021,
        LIUZHI_2021_HOUSEHOLDS,
        1_400_000,
        160_000_000,
        5_000_000,
        16_000_000,
        1000,
        new long[] {3_200_000, 1_600_000, 9_600_000, 8_000_000});
    // 2022: 450 households, 10 sales of 62.5 t at 12.00 yuan per 500 g = 15,000,000 yuan; each sale
    // keeps 81,000,000 fen for the households after 69,000,000 fen of fees.
    year(
        "LZ22",
        2022,
        LIUZHI_2022_HOUSEHOLDS,
        1_400_000,
        625_000_000,
        4_000_000,
        62_500_000,
        1200,
        new long[] {15_000_000, 7_500_000, 22_500_000, 24_000_000});
  }

  /** One Liuzhi season: deliveries, grading, inspection, packing and ten platform sales. */
  private void year(
      String prefix,
      int year,
      int households,
      long perHousehold,
      long gradeA,
      long gradeB,
      long perSale,
      long unitPriceFen,
      long[] fees) {
    List<String> deliveries = new ArrayList<>();
    for (int h = 1; h <= households; h++) {
      deliveries.add(
          harvest(
              prefix + "-H",
              GINGER,
              hh("lz", h),
              "lz-base-" + (h % 3 + 1),
              perHousehold,
              at(year, 9, 1 + h % 20)));
    }
    add("coop-liuzhi", deliveries);
    add(
        "proc-liuzhi",
        transform(
            "grading",
            at(year, 10, 2),
            List.of(prefix + "-H", households * perHousehold),
            List.of(prefix + "-A", gradeA, "A", GINGER, prefix + "-B", gradeB, "B", GINGER)));
    add(
        "insp-liuzhi",
        inspection(
            prefix + "-A",
            "LZ-GINGER",
            "A",
            at(year, 10, 3),
            "weight_g",
            180,
            "moisture_permille",
            880));
    add(
        "proc-liuzhi",
        transform(
            "packing",
            at(year, 10, 4),
            List.of(prefix + "-A", gradeA),
            List.of(prefix + "-P", gradeA, "A", GINGER)));
    List<String> sales = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sales.add(
          sale(
              prefix + "-S" + i,
              "platform",
              prefix + "-P",
              perSale,
              500,
              unitPriceFen,
              fees,
              at(year, 10 + (i - 1) / 4, 5 + i)));
    }
    add("seller-liuzhi", sales);
  }

  private void longnan() {
    org("so-longnan", "陇南橄榄油品牌推广社会组织", "social_org");
    org("coop-longnan", "陇南橄榄种植合作社", "cooperative");
    org("proc-longnan", "陇南橄榄油压榨厂", "processor");
    org("insp-longnan", "陇南油脂质量检测中心", "inspector");
    org("seller-longnan", "陇南橄榄油品牌店", "seller");
    add(
        "so-longnan",
        ev("product.registered", obj("baseUnit", s("g"), "gtin", s(OLIVES), "name", s("陇南鲜橄榄果"))),
        ev(
            "product.registered",
            obj(
                "baseUnit",
                s("ml"),
                "gtin",
                s(OLIVE_OIL),
                "name",
                s("陇南特级初榨橄榄油"),
                "referencePrice",
                obj("fen", "5000", "per", "500"))),
        standard(
            "LN-OIL",
            OLIVE_OIL,
            "陇南特级初榨橄榄油标准",
            "acidity_centipercent",
            0,
            80,
            "peroxide_meq_per_kg",
            0,
            20));
    String[] villages = {"武都区汉王镇", "武都区两水镇", "武都区外纳镇", "宕昌县沙湾镇"};
    List<String> setup = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      setup.add(site("ln-base-" + (b + 1), "陇南市", villages[b], "油橄榄示范园" + (b + 1)));
    }
    for (int h = 1; h <= LONGNAN_HOUSEHOLDS; h++) {
      setup.add(household(hh("ln", h), villages[h % 4], "coop-longnan"));
    }
    add("coop-longnan", setup);
    // 2021, unbranded price 50 yuan per 500 ml: 10 sales of 46,800 bottles, each keeping
    // 164,000,000 fen for the households (8,000 yuan each on average).
    olives(
        "LN21",
        2021,
        600_000,
        234_000_000,
        23_400_000,
        5000,
        new long[] {23_400_000, 11_700_000, 23_400_000, 11_500_000});
    // 2022, brand price 88 yuan: 10 sales of 56,000 bottles, each keeping 410,000,000 fen
    // (20,000 yuan each on average: +12,000 yuan).
    olives(
        "LN22",
        2022,
        700_000,
        280_000_000,
        28_000_000,
        8800,
        new long[] {49_280_000, 24_640_000, 5_000_000, 3_880_000});
  }

  private void olives(
      String prefix,
      int year,
      long perHousehold,
      long oil,
      long perSale,
      long unitPriceFen,
      long[] fees) {
    List<String> deliveries = new ArrayList<>();
    for (int h = 1; h <= LONGNAN_HOUSEHOLDS; h++) {
      deliveries.add(
          harvest(
              prefix + "-H",
              OLIVES,
              hh("ln", h),
              "ln-base-" + (h % 4 + 1),
              perHousehold,
              at(year, 10, 1 + h % 25)));
    }
    add("coop-longnan", deliveries);
    add(
        "proc-longnan",
        transform(
            "processing",
            at(year, 11, 2),
            List.of(prefix + "-H", LONGNAN_HOUSEHOLDS * perHousehold),
            List.of(prefix + "-OIL", oil, "", OLIVE_OIL)));
    add(
        "insp-longnan",
        inspection(
            prefix + "-OIL",
            "LN-OIL",
            "EV",
            at(year, 11, 3),
            "acidity_centipercent",
            42,
            "peroxide_meq_per_kg",
            9));
    add(
        "proc-longnan",
        transform(
            "packing",
            at(year, 11, 4),
            List.of(prefix + "-OIL", oil),
            List.of(prefix + "-P", oil, "EV", OLIVE_OIL)));
    List<String> sales = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      sales.add(
          sale(
              prefix + "-S" + i,
              "platform",
              prefix + "-P",
              perSale,
              500,
              unitPriceFen,
              fees,
              at(year, 11 + (i - 1) / 5, 10 + i)));
    }
    add("seller-longnan", sales);
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
        ev(
            "product.registered",
            obj(
                "baseUnit",
                s("g"),
                "gtin",
                s(ORANGES),
                "name",
                s("奉节脐橙"),
                "referencePrice",
                obj("fen", "300", "per", "500"))),
        standard(
            "FJ-ORANGE", ORANGES, "奉节脐橙分级标准", "diameter_mm", 75, 95, "sugar_permille", 110, 200));
    List<String> setup = new ArrayList<>();
    setup.add(site("fj-orchard-1", "奉节县", "草堂镇", "草堂脐橙园"));
    setup.add(site("fj-orchard-2", "奉节县", "安坪镇", "安坪脐橙园"));
    for (int h = 1; h <= FENGJIE_HOUSEHOLDS; h++) {
      setup.add(household(hh("fj", h), h % 2 == 0 ? "草堂镇" : "安坪镇", "coop-fengjie"));
    }
    add("coop-fengjie", setup);
    List<String> deliveries = new ArrayList<>();
    for (int h = 1; h <= FENGJIE_HOUSEHOLDS; h++) {
      deliveries.add(
          harvest(
              h <= 30 ? "FJ22-H1" : "FJ22-H2",
              ORANGES,
              hh("fj", h),
              h <= 30 ? "fj-orchard-1" : "fj-orchard-2",
              2_000_000 + 10_000L * h,
              at(2022, 11, 1 + h % 10)));
      if (h % 4 == 0) {
        deliveries.add(
            wage(
                hh("fj", h),
                h <= 30 ? "fj-orchard-1" : "fj-orchard-2",
                150_000,
                5,
                at(2022, 11, 20)));
      }
    }
    add("coop-fengjie", deliveries);
    // Merge both orchards' fruit, split into two grades, pack each grade.
    add(
        "proc-fengjie",
        transform(
            "merging",
            at(2022, 11, 21),
            List.of(
                "FJ22-H1", 60_000_000L + 10_000L * 465, "FJ22-H2", 60_000_000L + 10_000L * 1365),
            List.of("FJ22-M", 138_300_000, "", ORANGES)),
        transform(
            "grading",
            at(2022, 11, 22),
            List.of("FJ22-M", 138_300_000),
            List.of("FJ22-A", 100_000_000, "A", ORANGES, "FJ22-B", 35_000_000, "B", ORANGES)),
        transform(
            "packing",
            at(2022, 11, 23),
            List.of("FJ22-A", 100_000_000),
            List.of("FJ22-PA", 100_000_000, "A", ORANGES)),
        transform(
            "packing",
            at(2022, 11, 23),
            List.of("FJ22-B", 35_000_000),
            List.of("FJ22-PB", 35_000_000, "B", ORANGES)));
    add(
        "insp-fengjie",
        inspection(
            "FJ22-A",
            "FJ-ORANGE",
            "A",
            at(2022, 11, 22),
            "diameter_mm",
            82,
            "sugar_permille",
            135));
    List<String> live = new ArrayList<>();
    List<String> group = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      live.add(
          sale(
              "FJ22-L" + i,
              "livestream",
              "FJ22-PA",
              5_000_000,
              5000,
              7500,
              new long[] {150_000, 75_000, 120_000, 60_000},
              at(2022, 12, i)));
      group.add(
          sale(
              "FJ22-G" + i,
              "social_group",
              "FJ22-PA",
              2_500_000,
              5000,
              6800,
              new long[] {0, 34_000, 40_000, 30_000},
              at(2022, 12, i)));
    }
    for (int i = 1; i <= 5; i++) {
      group.add(
          sale(
              "FJ22-O" + i,
              "offline",
              "FJ22-PB",
              5_000_000,
              5000,
              4000,
              new long[] {0, 0, 20_000, 10_000},
              at(2022, 12, 14 + i)));
    }
    add("seller-fengjie-live", live);
    add("seller-fengjie-group", group);
    List<String> refunds = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      refunds.add(
          ev(
              "sale.refunded",
              obj(
                  "amountFen",
                  "75000",
                  "occurredAt",
                  s(at(2022, 12, 20 + i)),
                  "quantity",
                  "50000",
                  "refundId",
                  s("FJ22-R" + i),
                  "saleId",
                  s("FJ22-L" + i))));
    }
    refunds.add(
        ev(
            "sale.refunded",
            obj(
                "amountFen",
                "34000",
                "occurredAt",
                s(at(2022, 12, 24)),
                "quantity",
                "25000",
                "refundId",
                s("FJ22-R4"),
                "saleId",
                s("FJ22-G2"))));
    add("seller-fengjie-live", refunds.subList(0, 3));
    add("seller-fengjie-group", refunds.subList(3, 4));
    List<String> payouts = new ArrayList<>();
    for (int h = 1; h <= FENGJIE_HOUSEHOLDS; h += 3) {
      payouts.add(
          ev(
              "payout.made",
              obj(
                  "amountFen",
                  "100000",
                  "householdId",
                  s(hh("fj", h)),
                  "occurredAt",
                  s(at(2022, 12, 28)),
                  "reference",
                  s("FJ-PAY-2022-" + h))));
    }
    add("coop-fengjie", payouts);
  }

  // ---- event bodies (docs/events.md); values are JSON text ----

  private String standard(
      String id,
      String gtin,
      String title,
      String m1,
      long min1,
      long max1,
      String m2,
      long min2,
      long max2) {
    String limits =
        "[{\"max\":"
            + max1
            + ",\"metric\":\""
            + m1
            + "\",\"min\":"
            + min1
            + "},{\"max\":"
            + max2
            + ",\"metric\":\""
            + m2
            + "\""
            + (min2 > 0 ? ",\"min\":" + min2 : "")
            + "}]";
    String grades =
        "[{\"grade\":\"A\",\"limits\":"
            + limits
            + "},{\"grade\":\"B\",\"limits\":[]},{\"grade\":\"EV\",\"limits\":"
            + limits
            + "}]";
    return ev(
        "standard.published",
        obj(
            "grades",
            grades,
            "gtin",
            s(gtin),
            "standardId",
            s(id),
            "title",
            s(title),
            "version",
            "1"));
  }

  private static String site(String id, String county, String village, String name) {
    return ev(
        "site.registered",
        obj("baseId", s(id), "county", s(county), "name", s(name), "village", s(village)));
  }

  private static String household(String id, String village, String coop) {
    return ev(
        "household.enrolled",
        obj("cooperative", s(coop), "householdId", s(id), "village", s(village)));
  }

  private static String harvest(
      String lot, String gtin, String hh, String base, long quantity, String at) {
    return ev(
        "harvest.delivered",
        obj(
            "baseId",
            s(base),
            "gtin",
            s(gtin),
            "householdId",
            s(hh),
            "lotId",
            s(lot),
            "occurredAt",
            s(at),
            "quantity",
            Long.toString(quantity)));
  }

  private static String wage(String hh, String base, long fen, int days, String at) {
    return ev(
        "wage.recorded",
        obj(
            "amountFen",
            Long.toString(fen),
            "baseId",
            s(base),
            "days",
            Integer.toString(days),
            "householdId",
            s(hh),
            "occurredAt",
            s(at)));
  }

  /** inputs: lot, qty pairs; outputs: lot, qty, grade ("" for none), gtin quadruples. */
  private static String transform(
      String process, String at, List<Object> inputs, List<Object> outputs) {
    StringBuilder in = new StringBuilder("[");
    for (int i = 0; i < inputs.size(); i += 2) {
      in.append(i == 0 ? "" : ",")
          .append(
              obj("lotId", s((String) inputs.get(i)), "quantity", inputs.get(i + 1).toString()));
    }
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < outputs.size(); i += 4) {
      String grade = (String) outputs.get(i + 2);
      out.append(i == 0 ? "" : ",")
          .append(
              grade.isEmpty()
                  ? obj(
                      "gtin",
                      s((String) outputs.get(i + 3)),
                      "lotId",
                      s((String) outputs.get(i)),
                      "quantity",
                      outputs.get(i + 1).toString())
                  : obj(
                      "grade",
                      s(grade),
                      "gtin",
                      s((String) outputs.get(i + 3)),
                      "lotId",
                      s((String) outputs.get(i)),
                      "quantity",
                      outputs.get(i + 1).toString()));
    }
    return ev(
        "lot.transformed",
        obj("inputs", in + "]", "occurredAt", s(at), "outputs", out + "]", "process", s(process)));
  }

  private static String inspection(
      String lot, String std, String grade, String at, String m1, long v1, String m2, long v2) {
    return ev(
        "inspection.recorded",
        obj(
            "grade",
            s(grade),
            "lotId",
            s(lot),
            "occurredAt",
            s(at),
            "passed",
            "true",
            "results",
            "["
                + obj("metric", s(m1), "value", Long.toString(v1))
                + ","
                + obj("metric", s(m2), "value", Long.toString(v2))
                + "]",
            "standardId",
            s(std),
            "standardVersion",
            "1"));
  }

  /** fees: platform, service, logistics, packaging (fen). */
  private static String sale(
      String id,
      String channel,
      String lot,
      long quantity,
      long pricePer,
      long unitPriceFen,
      long[] fees,
      String at) {
    String f =
        obj(
            "logisticsFen",
            Long.toString(fees[2]),
            "packagingFen",
            Long.toString(fees[3]),
            "platformFen",
            Long.toString(fees[0]),
            "serviceFen",
            Long.toString(fees[1]));
    return ev(
        "sale.recorded",
        obj(
            "channel",
            s(channel),
            "fees",
            f,
            "lotId",
            s(lot),
            "occurredAt",
            s(at),
            "pricePer",
            Long.toString(pricePer),
            "quantity",
            Long.toString(quantity),
            "saleId",
            s(id),
            "unitPriceFen",
            Long.toString(unitPriceFen)));
  }

  private void org(String id, String name, String role) {
    orgs.add(new Org(id, name, role));
  }

  private void add(String orgId, String... events) {
    add(orgId, List.of(events));
  }

  private void add(String orgId, List<String> events) {
    for (int i = 0; i < events.size(); i += MAX_BATCH) {
      batches.add(
          new Batch(orgId, List.copyOf(events.subList(i, Math.min(events.size(), i + MAX_BATCH)))));
    }
  }

  static String hh(String program, int n) {
    return String.format("%s-%04d", program, n);
  }

  /** Noon in China (04:00 UTC) on the given day, so the local date is the one written here. */
  static String at(int year, int month, int day) {
    return String.format("%04d-%02d-%02dT04:00:00.000Z", year, month, day);
  }

  private static String ev(String type, String body) {
    return "{\"type\":\"" + type + "\",\"body\":" + body + "}";
  }

  /** A JSON object from name, raw-JSON-value pairs. */
  private static String obj(String... nameValue) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < nameValue.length; i += 2) {
      b.append(i == 0 ? "" : ",")
          .append('"')
          .append(nameValue[i])
          .append("\":")
          .append(nameValue[i + 1]);
    }
    return b.append('}').toString();
  }

  private static String s(String text) {
    return "\"" + text + "\"";
  }

  private static String gtin(String first13) {
    return net.suyuan.ledger.core.id.Gtin.completing(first13).value();
  }
}
