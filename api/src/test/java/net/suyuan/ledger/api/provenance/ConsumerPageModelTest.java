package net.suyuan.ledger.api.provenance;

import static net.suyuan.ledger.api.provenance.PageFixture.GTIN;
import static net.suyuan.ledger.api.provenance.PageFixture.T0;
import static net.suyuan.ledger.api.provenance.PageFixture.delivery;
import static net.suyuan.ledger.api.provenance.PageFixture.grading;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.suyuan.ledger.api.provenance.ConsumerPageModel.DeliveryRun;
import net.suyuan.ledger.api.provenance.ConsumerPageModel.StepCard;
import net.suyuan.ledger.api.provenance.ConsumerPageModel.TimelineItem;
import net.suyuan.ledger.core.event.GradeLimits;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;
import org.junit.jupiter.api.Test;

/** What the consumer page says, read from its model built from typed events: no server, no HTML. */
class ConsumerPageModelTest {
  static final PageText ZH = PageText.chinese();
  static final PageText EN = PageText.english();

  private static List<StepCard> steps(ConsumerPageModel m) {
    return m.timeline().stream().map(i -> (StepCard) i).toList();
  }

  @Test
  void verifiedLot_saysWhatItIsAndThatEveryRecordChecksOut_inBothLanguages() {
    PageFixture f = new PageFixture();
    f.serial = "0042";
    f.entry("coop", delivery("hh-1", "LZ22-H", 1_400_000, 0));
    ConsumerPageModel zh = ConsumerPageModel.of(f.provenance(), ZH);
    assertThat(zh.lang()).isEqualTo("zh-CN");
    assertThat(zh.productName()).isEqualTo("六枝小黄姜");
    assertThat(zh.grade()).isEqualTo("等级 A");
    assertThat(zh.identifier()).isEqualTo("GTIN " + GTIN + " · 批次 LZ22-P · 序列号 0042");
    assertThat(zh.verification().ok()).isTrue();
    assertThat(zh.verification().headline()).isEqualTo("记录已验证");
    assertThat(zh.verification().message()).isEqualTo("本页 1 条账本记录均未被篡改：哈希和链接都已重新核对。");
    assertThat(zh.verification().omitted()).isNull();

    ConsumerPageModel en = ConsumerPageModel.of(f.provenance(), EN);
    assertThat(en.lang()).isEqualTo("en");
    assertThat(en.grade()).isEqualTo("grade A");
    assertThat(en.identifier()).isEqualTo("GTIN " + GTIN + " · lot LZ22-P · serial 0042");
    assertThat(en.verification().message())
        .isEqualTo("All 1 ledger records on this page are intact: hashes and links re-checked.");
    assertThat(en.lineage().lot()).isEqualTo("This lot LZ22-P: packing, 1,000,000 g");
  }

  @Test
  void failedEntries_areNamedInTheAlert_andOnTheirCards() {
    PageFixture f = new PageFixture();
    f.entry("coop", delivery("hh-1", "LZ22-H", 9_400_000, 0))
        .entry("coop", delivery("hh-2", "LZ22-H", 1_400_000, 1))
        .fail(1, "hash_mismatch", "stored hash differs")
        .unreadable();
    f.omitted = 7;
    ConsumerPageModel zh = ConsumerPageModel.of(f.provenance(), ZH);
    assertThat(zh.verification().ok()).isFalse();
    assertThat(zh.verification().headline()).isEqualTo("验证失败！");
    assertThat(zh.verification().message()).isEqualTo("以下记录与账本不符，可能已被篡改，请勿信任本页信息：#1, #3");
    assertThat(zh.verification().omitted()).isEqualTo("另有 7 条记录（多为销售）未在本页显示，也未在本页核对。");
    List<StepCard> cards = steps(zh);
    assertThat(cards).extracting(StepCard::verified).containsExactly(false, true, false);
    StepCard altered = cards.get(0);
    assertThat(altered.summary()).isEqualTo("农户 hh-1 从 lz-base-1 交售 9400000 入批次 LZ22-H");
    assertThat(altered.verdict()).isEqualTo("验证失败");
    assertThat(altered.failure()).isEqualTo("hash_mismatch");
    assertThat(altered.failureDetail()).isEqualTo("stored hash differs");
    assertThat(cards.get(1).verdict()).isEqualTo("已验证");
    assertThat(cards.get(1).failure()).isNull();
    StepCard unreadable = cards.get(2);
    assertThat(unreadable.typeName()).isEqualTo("?");
    assertThat(unreadable.summary()).isEqualTo("（无法读取）");
    assertThat(unreadable.date()).isEmpty();

    ConsumerPageModel en = ConsumerPageModel.of(f.provenance(), EN);
    assertThat(en.verification().message())
        .isEqualTo(
            "These records do not match the ledger and may have been altered; do not trust this"
                + " page: #1, #3");
    assertThat(steps(en).get(0).summary())
        .isEqualTo("Household hh-1 delivered 9400000 from lz-base-1 into lot LZ22-H");
    assertThat(steps(en).get(0).verdict()).isEqualTo("FAILED");
    assertThat(steps(en).get(2).summary()).isEqualTo("(unreadable)");
  }

  @Test
  void moreThanThreeDeliveriesInARowIntoOneLot_readAsOneStep() {
    PageFixture f = new PageFixture();
    for (int i = 0; i < 5; i++) {
      f.entry("coop", delivery("hh-" + i, "LZ22-H", 1_400_000, i));
    }
    f.entry("coop", delivery("hh-9", "LZ22-X", 1, 9)); // another lot: its own step
    f.fail(2, "broken_link", "entry 3 links elsewhere");
    ConsumerPageModel zh = ConsumerPageModel.of(f.provenance(), ZH);
    assertThat(zh.timeline()).hasSize(2);
    DeliveryRun run = (DeliveryRun) zh.timeline().get(0);
    assertThat(run.dates()).isEqualTo("2022-09-02 – 2022-09-06");
    assertThat(run.typeName()).isEqualTo("收获交售");
    assertThat(run.summary()).isEqualTo("5 次农户交售入批次 LZ22-H，共 7,000,000 克");
    assertThat(run.firstSeq()).isEqualTo(1);
    assertThat(run.lastSeq()).isEqualTo(5);
    assertThat(run.verified()).isFalse();
    assertThat(run.verdict()).isEqualTo("1 条验证失败");
    assertThat(run.steps()).extracting(StepCard::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(zh.timeline().get(1)).isInstanceOf(StepCard.class);

    DeliveryRun en = (DeliveryRun) ConsumerPageModel.of(f.provenance(), EN).timeline().get(0);
    assertThat(en.summary())
        .isEqualTo("5 household deliveries into lot LZ22-H, 7,000,000 g in all");
    assertThat(en.verdict()).isEqualTo("1 FAILED");
  }

  @Test
  void threeDeliveriesInARow_staySeparateSteps() {
    PageFixture f = new PageFixture();
    for (int i = 0; i < 3; i++) {
      f.entry("coop", delivery("hh-" + i, "LZ22-H", 1_400_000, i));
    }
    List<TimelineItem> items = ConsumerPageModel.of(f.provenance(), ZH).timeline();
    assertThat(items).hasSize(3).allMatch(i -> i instanceof StepCard);
  }

  @Test
  void eachEventType_isSummarizedFromItsTypedFields() {
    PageFixture f = new PageFixture();
    f.entry("admin", new ProductRegistered(Gtin.of(GTIN), "六枝小黄姜", BaseUnit.G, Optional.empty()))
        .entry("coop", new SiteRegistered(BaseId.of("lz-base-1"), "东坡基地", "落别乡", "六枝特区"))
        .entry(
            "so",
            new StandardPublished(
                StandardId.of("LZ-GINGER"),
                1,
                Gtin.of(GTIN),
                "六枝小黄姜团体标准",
                List.of(
                    new GradeLimits(
                        "A",
                        List.of(
                            new GradeLimits.Limit(
                                "weight_g", OptionalLong.of(80), OptionalLong.of(400)))))))
        .entry("proc", grading("LZ22-H", 629_000_000, "LZ22-A", 625_000_000))
        .entry(
            "lab",
            new InspectionRecorded(
                LotId.of("LZ22-A"),
                StandardId.of("LZ-GINGER"),
                1,
                "A",
                List.of(new InspectionRecorded.Result("weight_g", 180)),
                true,
                T0))
        .entry(
            "shop",
            new SaleRecorded(
                SaleId.of("S-1"),
                Channel.LIVESTREAM,
                LotId.of("LZ22-P"),
                Quantity.of(1000),
                Fen.of(1200),
                Quantity.of(500),
                SaleFees.NONE,
                T0));
    List<StepCard> zh = steps(ConsumerPageModel.of(f.provenance(), ZH));
    assertThat(zh)
        .extracting(StepCard::typeName)
        .containsExactly("产品登记", "基地登记", "标准发布", "加工", "质量检验", "销售");
    assertThat(zh)
        .extracting(StepCard::summary)
        .containsExactly(
            "六枝小黄姜 · GTIN " + GTIN,
            "东坡基地 · 六枝特区 落别乡",
            "六枝小黄姜团体标准 · LZ-GINGER v1",
            "分级: LZ22-H (629000000) → LZ22-A (625000000)",
            "检验批次 LZ22-A · LZ-GINGER v1 · A · 合格",
            "直播 · LZ22-P · 1000");
    // Registrations carry no time of their own: dated by the entry's timestamp.
    assertThat(zh.get(0).date()).isEqualTo("2026-12-03");
    assertThat(zh.get(3).date()).isEqualTo("2022-10-02");
    List<StepCard> en = steps(ConsumerPageModel.of(f.provenance(), EN));
    assertThat(en)
        .extracting(StepCard::typeName)
        .containsExactly(
            "Product registered",
            "Base registered",
            "Standard published",
            "Processed",
            "Inspected",
            "Sold");
    assertThat(en.get(3).summary()).isEqualTo("grading: LZ22-H (629000000) → LZ22-A (625000000)");
    assertThat(en.get(4).summary()).isEqualTo("Inspected lot LZ22-A · LZ-GINGER v1 · A · passed");
    assertThat(en.get(5).summary()).isEqualTo("livestream · LZ22-P · 1000");
  }

  @Test
  void inspectionsOriginAndLineage_readAsOnThePage() {
    PageFixture f = new PageFixture();
    f.inspections =
        List.of(
            new Provenance.Inspection(
                5,
                "LZ22-A",
                "LZ-GINGER",
                1,
                "六枝小黄姜团体标准",
                "A",
                true,
                "2022-10-03T04:00:00.000Z",
                List.of(
                    new Provenance.Result("weight_g", 180, 80L, 400L, true),
                    new Provenance.Result("moisture_permille", 930, null, 920L, false),
                    new Provenance.Result("colour", 3, null, null, null))));
    f.bases =
        List.of(
            new Provenance.Base("lz-base-1", "东坡基地", "落别乡", "六枝特区", 210_000_000),
            new Provenance.Base("lz-base-9", null, null, null, 5));
    f.deliveries =
        List.of(
            new Provenance.Delivery(
                2, "LZ22-H", "hh-1", "lz-base-1", 1_400_000, "2022-09-02T04:00:00.000Z"),
            new Provenance.Delivery(
                3, "LZ22-H", "hh-1", "lz-base-1", 1_000, "2022-09-03T04:00:00.000Z"),
            new Provenance.Delivery(
                4, "LZ22-H", "hh-2", "lz-base-9", 5, "2022-09-04T04:00:00.000Z"));
    f.upstream =
        List.of(
            new Provenance.LotLink(
                "LZ22-A",
                1,
                GTIN,
                "A",
                "grading",
                8L,
                List.of(new Provenance.Input("LZ22-H", 629_000_000))),
            new Provenance.LotLink("LZ22-H", 2, GTIN, null, "harvest", 2L, List.of()));
    f.downstream =
        List.of(new Provenance.LotLink("LZ22-Q", 1, GTIN, null, "splitting", 12L, List.of()));
    f.sales = List.of(new Provenance.Sale(13, "S-1", "social_group", "LZ22-P", 62_500_000));

    ConsumerPageModel zh = ConsumerPageModel.of(f.provenance(), ZH);
    ConsumerPageModel.InspectionCard card = zh.inspections().get(0);
    assertThat(card.standardTitle()).isEqualTo("六枝小黄姜团体标准");
    assertThat(card.standardRef()).isEqualTo("LZ-GINGER v1");
    assertThat(card.lot() + " · " + card.grade() + " · " + card.verdict() + " · " + card.date())
        .isEqualTo("批次 LZ22-A · 等级 A · 合格 · 2022-10-03");
    assertThat(card.results())
        .extracting(r -> r.metric() + "|" + r.measured() + "|" + r.within() + "|" + r.limit())
        .containsExactly(
            "weight_g|180|true|80 – 400", "moisture_permille|930|false|≤ 920", "colour|3|null|不限");
    assertThat(zh.origin().bases())
        .extracting(b -> b.name() + "|" + b.place() + "|" + b.delivered())
        .containsExactly("东坡基地|六枝特区 落别乡|交售 210,000,000 克", "lz-base-9|null|交售 5 克");
    assertThat(zh.origin().households()).isEqualTo("2 户农户交售（以化名显示）");
    assertThat(zh.origin().deliveries().get(0))
        .isEqualTo(new ConsumerPageModel.DeliveryRow("2022-09-02", "hh-1", "1,400,000 克"));
    assertThat(zh.lineage().lot()).isEqualTo("本批次 LZ22-P: 包装, 1,000,000 克");
    assertThat(zh.lineage().upstream())
        .containsExactly("↑ LZ22-A · 分级 · 等级 A ← LZ22-H (629,000,000)", "↑↑ LZ22-H · 收获");
    assertThat(zh.lineage().downstream()).containsExactly("↓ LZ22-Q · 拆分", "社群团购 · 62,500,000 克");

    ConsumerPageModel en = ConsumerPageModel.of(f.provenance(), EN);
    assertThat(en.inspections().get(0).results().get(2).limit()).isEqualTo("none");
    assertThat(en.origin().households()).isEqualTo("2 households delivered (shown by pseudonym)");
    assertThat(en.lineage().upstream().get(0))
        .isEqualTo("↑ LZ22-A · grading · grade A ← LZ22-H (629,000,000)");
    assertThat(en.lineage().downstream())
        .containsExactly("↓ LZ22-Q · splitting", "social group · 62,500,000 g");
  }

  @Test
  void aLotWithoutDeliveries_saysSo_andAnUnknownUnitIsPieces() {
    PageFixture f = new PageFixture();
    f.baseUnit = "piece";
    f.productName = null;
    f.grade = null;
    ConsumerPageModel en = ConsumerPageModel.of(f.provenance(), EN);
    assertThat(en.productName()).isEqualTo(GTIN); // no product entry shown: named by its GTIN
    assertThat(en.grade()).isNull();
    assertThat(en.origin().bases()).isEmpty();
    assertThat(en.origin().households()).isNull();
    assertThat(en.lineage().lot()).isEqualTo("This lot LZ22-P: packing, 1,000,000 pieces");
  }

  @Test
  void codePointsTheLedgerRefuses_areShownByName_notObeyed() {
    PageFixture f = new PageFixture();
    f.productName = "姜\u202Eevil\u202C";
    f.bases = List.of(new Provenance.Base("lz-base-1", "东\u200B坡", null, null, 1));
    ConsumerPageModel zh = ConsumerPageModel.of(f.provenance(), ZH);
    assertThat(zh.productName()).isEqualTo("姜[U+202E]evil[U+202C]");
    assertThat(zh.origin().bases().get(0).name()).isEqualTo("东[U+200B]坡");
    assertThat(ConsumerPageModel.shown("plain 文字 😀")).isEqualTo("plain 文字 😀");
    assertThat(ConsumerPageModel.shown(null)).isNull();
  }

  @Test
  void bothLanguages_haveTheSameMessages() {
    assertThat(EN.keys()).containsExactlyInAnyOrderElementsOf(ZH.keys());
  }
}
