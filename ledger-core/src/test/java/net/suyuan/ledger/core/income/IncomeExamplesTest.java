package net.suyuan.ledger.core.income;

import static net.suyuan.ledger.core.income.Ledger.OIL;
import static net.suyuan.ledger.core.income.Ledger.TEA;
import static net.suyuan.ledger.core.income.Ledger.at;
import static net.suyuan.ledger.core.income.Ledger.fees;
import static net.suyuan.ledger.core.income.Ledger.hh;
import static net.suyuan.ledger.core.income.Ledger.in;
import static net.suyuan.ledger.core.income.Ledger.out;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/income.md, number for number. */
class IncomeExamplesTest {
  private static final HouseholdId HH1 = hh("hh-0001");
  private static final HouseholdId HH2 = hh("hh-0002");

  private static Map<HouseholdId, Long> amounts(EntryIncome income) {
    Map<HouseholdId, Long> m = new java.util.LinkedHashMap<>();
    income.households().forEach(l -> m.put(l.householdId(), l.amountFen()));
    return m;
  }

  private static String share(Ledger ledger, String lot, HouseholdId h) {
    return ledger.live.composition(LotId.of(lot)).orElseThrow().share(h).toString();
  }

  /** Example 1-4: deliveries, grading, a merge, a livestream sale and two refunds. */
  private static Ledger teaChain() throws Exception {
    Ledger ledger = new Ledger();
    ledger.enroll("hh-0001", "hh-0002");
    ledger.deliver("hh-0001", "H2022-001", TEA, 12000);
    ledger.deliver("hh-0002", "H2022-001", TEA, 3000);
    ledger.deliver("hh-0002", "H2022-002", TEA, 5000);
    ledger.transform(
        TransformProcess.GRADING,
        List.of(in("H2022-001", 10000)),
        List.of(out("G2022-001A", TEA, 6000, "A"), out("G2022-001B", TEA, 3500, "B")));
    ledger.transform(
        TransformProcess.GRADING,
        List.of(in("H2022-002", 5000)),
        List.of(out("G2022-002A", TEA, 2000, "A"), out("G2022-002B", TEA, 2900, "B")));
    ledger.transform(
        TransformProcess.MERGING,
        List.of(in("G2022-001A", 6000), in("G2022-002A", 2000)),
        List.of(out("M2022-A", TEA, 8000, "A")));
    return ledger;
  }

  @Test
  void example1_deliveriesIntoOneLot_exactShares() throws Exception {
    Ledger ledger = teaChain();
    // 12000 : 3000, in lowest terms 4 : 1 of a total of 5.
    assertThat(share(ledger, "H2022-001", HH1)).isEqualTo("4/5");
    assertThat(share(ledger, "H2022-001", HH2)).isEqualTo("1/5");
    assertThat(ledger.live.composition(LotId.of("H2022-001")).orElseThrow().toString())
        .isEqualTo("{hh-0001=4, hh-0002=1} / 5");
    // Grading one lot passes its composition unchanged to both grades.
    assertThat(ledger.live.composition(LotId.of("G2022-001B")))
        .isEqualTo(ledger.live.composition(LotId.of("H2022-001")));
    assertThat(ledger.live.composition(LotId.of("G2022-002B"))).contains(Composition.single(HH2));
  }

  @Test
  void example2_mergeOfTwoLots_massBalance() throws Exception {
    Ledger ledger = teaChain();
    // 6000 g of (4/5, 1/5) + 2000 g of hh-0002 alone: lcm(5, 1) = 5, weights 6000 * 4 = 24000 and
    // 6000 * 1 + 2000 * 5 = 16000 over 8000 * 5 = 40000, i.e. 3/5 : 2/5.
    assertThat(share(ledger, "M2022-A", HH1)).isEqualTo("3/5");
    assertThat(share(ledger, "M2022-A", HH2)).isEqualTo("2/5");
  }

  @Test
  void example5b_tieOfExactShares_twoRoundDeliveries_goesToSmallerHouseholdId() throws Exception {
    Ledger ledger = new Ledger();
    ledger.enroll("hh-01", "hh-02");
    ledger.deliver("hh-01", "H1", TEA, 5000);
    ledger.deliver("hh-02", "H1", TEA, 1000);
    // gross 2097, no fees: quotas 2097 * 5/6 = 1747.5 and 2097 * 1/6 = 349.5, an exact tie; the
    // leftover fen goes to the smaller id. (2^40 fixed point gave it to hh-02 by rounding residue.)
    EntryIncome sale =
        ledger.sell("S-1", Channel.OFFLINE, "H1", 6000, 2097, 6000, fees(0, 0, 0, 0), at(10));
    assertThat(amounts(sale))
        .containsExactly(Map.entry(hh("hh-01"), 1748L), Map.entry(hh("hh-02"), 349L));
  }

  @Test
  void example2b_mergeOfThreeHouseholds_exactSharesAndLargestRemainder() throws Exception {
    Ledger ledger = new Ledger();
    ledger.enroll("hh-0001", "hh-0002", "hh-0003");
    ledger.deliver("hh-0001", "H1", TEA, 2000);
    ledger.deliver("hh-0002", "H1", TEA, 1000);
    ledger.deliver("hh-0003", "H2", TEA, 700);
    // 900 g of H1 (2/3, 1/3) and 300 g of H2 (hh-0003) merged into 1200 g: lcm(3, 1) = 3,
    // weights 900 * 2 = 1800, 900 * 1 = 900, 300 * 3 = 900 over 3600: 1/2, 1/4, 1/4.
    ledger.transform(
        TransformProcess.MERGING,
        List.of(in("H1", 900), in("H2", 300)),
        List.of(out("M1", TEA, 1200, "A")));
    assertThat(ledger.live.composition(LotId.of("M1")).orElseThrow().toString())
        .isEqualTo("{hh-0001=2, hh-0002=1, hh-0003=1} / 4");
    // Gross 1002, a fee of 1, net 1001: quotas 500.5, 250.25, 250.25;
    // floors 500 + 250 + 250 = 1000, one fen left: the largest remainder is hh-0001's 0.5.
    EntryIncome sale =
        ledger.sell("S-1", Channel.OFFLINE, "M1", 1200, 1002, 1200, fees(1, 0, 0, 0), at(10));
    assertThat(amounts(sale))
        .containsExactly(
            Map.entry(HH1, 501L), Map.entry(HH2, 250L), Map.entry(hh("hh-0003"), 250L));
    // A second merge: what is left of M1 is gone, so take 350 g of H1 and 200 g of H2: weights
    // 350 * 2 = 700, 350, 200 * 3 = 600 over 550 * 3 = 1650, in lowest terms 14 : 7 : 12 of 33.
    ledger.transform(
        TransformProcess.MERGING,
        List.of(in("H1", 350), in("H2", 200)),
        List.of(out("M2", TEA, 550, "A")));
    assertThat(ledger.live.composition(LotId.of("M2")).orElseThrow().toString())
        .isEqualTo("{hh-0001=14, hh-0002=7, hh-0003=12} / 33");
    // 330 fen: 140, 70, 120 exactly.
    EntryIncome exact =
        ledger.sell("S-2", Channel.OFFLINE, "M2", 550, 330, 550, fees(0, 0, 0, 0), at(11));
    assertThat(amounts(exact))
        .containsExactly(Map.entry(HH1, 140L), Map.entry(HH2, 70L), Map.entry(hh("hh-0003"), 120L));
  }

  @Test
  void example3_sale_netSplitBySoldLot() throws Exception {
    Ledger ledger = teaChain();
    EntryIncome sale =
        ledger.sell(
            "S-0001",
            Channel.LIVESTREAM,
            "M2022-A",
            1500,
            6800,
            500,
            fees(1020, 2040, 800, 300),
            at(100));
    RevenueLine r = sale.revenue().get(0);
    assertThat(r.grossFen()).isEqualTo(20400);
    assertThat(r.feesFen()).isEqualTo(4160);
    assertThat(r.netFen()).isEqualTo(16240);
    // 16240 * 3/5 = 9744, 16240 * 2/5 = 6496 exactly.
    assertThat(amounts(sale)).containsExactly(Map.entry(HH1, 9744L), Map.entry(HH2, 6496L));
  }

  @Test
  void example4_refunds_reverseTheirShareOfNet_fullRefundReversesAll() throws Exception {
    Ledger ledger = teaChain();
    ledger.sell(
        "S-0001",
        Channel.LIVESTREAM,
        "M2022-A",
        1500,
        6800,
        500,
        fees(1020, 2040, 800, 300),
        at(100));
    EntryIncome first = ledger.refund("R-0001", "S-0001", 500, 6800);
    // floor(16240 * 6800 / 20400) = floor(5413.33) = 5413 of net; 6800 - 5413 = 1387 of fees.
    RevenueLine r = first.revenue().get(0);
    assertThat(r.grossFen()).isEqualTo(-6800);
    assertThat(r.netFen()).isEqualTo(-5413);
    assertThat(r.feesFen()).isEqualTo(-1387);
    // 5413 split by what each holds (9744 : 6496): 3247.8 : 2165.2 -> 3248 : 2165.
    assertThat(amounts(first)).containsExactly(Map.entry(HH1, -3248L), Map.entry(HH2, -2165L));
    EntryIncome rest = ledger.refund("R-0002", "S-0001", 1000, 13600);
    assertThat(rest.revenue().get(0).netFen()).isEqualTo(-10827);
    assertThat(amounts(rest)).containsExactly(Map.entry(HH1, -6496L), Map.entry(HH2, -4331L));
    HouseholdIncome hh1 = HouseholdIncome.summarize(HH1, DateRange.ALL, ledger.lines);
    assertThat(hh1.salesIncomeFen()).isZero();
  }

  @Test
  void example4b_fullRefund_platformKeepsItsCommission_householdsBearIt() throws Exception {
    Ledger ledger = teaChain();
    ledger.sell(
        "S-0001",
        Channel.LIVESTREAM,
        "M2022-A",
        1500,
        6800,
        500,
        fees(1020, 2040, 800, 300),
        at(100));
    // All 20400 paid back; the platform keeps its 1020, the other fees (3140) come back.
    EntryIncome refund =
        ledger.refund("R-0001", "S-0001", 1500, 20400, Optional.of(fees(0, 2040, 800, 300)));
    RevenueLine r = refund.revenue().get(0);
    assertThat(r.grossFen()).isEqualTo(-20400);
    assertThat(r.feesFen()).isEqualTo(-3140);
    assertThat(r.netFen()).isEqualTo(-17260); // 16240 of net and the 1020 kept
    // Holdings 9744 and 6496 are taken back whole; the 1020 beyond them by the shares 3/5, 2/5.
    assertThat(amounts(refund))
        .containsExactly(Map.entry(HH1, -(9744L + 612)), Map.entry(HH2, -(6496L + 408)));
    HouseholdIncome hh1 = HouseholdIncome.summarize(HH1, DateRange.ALL, ledger.lines);
    assertThat(hh1.salesIncomeFen()).isEqualTo(-612);
    ProgramFigures p = ProgramFigures.of(DateRange.ALL, ledger.revenue, ledger.lines);
    assertThat(p.byChannel().get(Channel.LIVESTREAM).netFen()).isEqualTo(-1020);
  }

  @Test
  void example4c_partialRefund_statedFees_reversesAmountLessFeesReturned() throws Exception {
    Ledger ledger = teaChain();
    ledger.sell(
        "S-0001",
        Channel.LIVESTREAM,
        "M2022-A",
        1500,
        6800,
        500,
        fees(1020, 2040, 800, 300),
        at(100));
    // 6800 paid back, of the fees only 680 of service comes back: 6120 reversed, by holdings.
    EntryIncome refund =
        ledger.refund("R-0001", "S-0001", 500, 6800, Optional.of(fees(0, 680, 0, 0)));
    assertThat(refund.revenue().get(0).netFen()).isEqualTo(-6120);
    assertThat(amounts(refund)).containsExactly(Map.entry(HH1, -3672L), Map.entry(HH2, -2448L));
  }

  @Test
  void example5_tie_goesToSmallerHouseholdId() throws Exception {
    Ledger ledger = new Ledger();
    ledger.enroll("hh-0001", "hh-0002");
    ledger.deliver("hh-0002", "H1", TEA, 500);
    ledger.deliver("hh-0001", "H1", TEA, 500);
    EntryIncome sale =
        ledger.sell("S-1", Channel.OFFLINE, "H1", 1000, 101, 1000, fees(0, 0, 0, 0), at(10));
    assertThat(amounts(sale)).containsExactly(Map.entry(HH1, 51L), Map.entry(HH2, 50L));
  }

  @Test
  void example6_householdSummary_wagesPayoutsMonthsInChinaStandardTime() throws Exception {
    Ledger ledger = teaChain();
    ledger.sell(
        "S-0001",
        Channel.LIVESTREAM,
        "M2022-A",
        1500,
        6800,
        500,
        fees(1020, 2040, 800, 300),
        Instant.parse("2022-03-31T17:00:00.000Z")); // 2022-04-01 01:00 in Beijing
    ledger.wage("hh-0001", 24000, Instant.parse("2022-03-05T08:00:00.000Z"));
    ledger.payout("hh-0001", 20000, Instant.parse("2022-04-10T08:00:00.000Z"));
    HouseholdIncome s = HouseholdIncome.summarize(HH1, DateRange.year(2022), ledger.lines);
    assertThat(s.salesIncomeFen()).isEqualTo(9744);
    assertThat(s.wagesFen()).isEqualTo(24000);
    assertThat(s.netIncomeFen()).isEqualTo(33744);
    assertThat(s.paidOutFen()).isEqualTo(20000);
    assertThat(s.owedFen()).isEqualTo(13744);
    assertThat(s.byChannel())
        .containsEntry(Channel.LIVESTREAM, 9744L)
        .containsEntry(Channel.PLATFORM, 0L);
    assertThat(s.byMonth())
        .containsExactly(
            new HouseholdIncome.MonthIncome(YearMonth.of(2022, 3), 0, 24000, 0),
            new HouseholdIncome.MonthIncome(YearMonth.of(2022, 4), 9744, 0, 20000));
    HouseholdIncome march =
        HouseholdIncome.summarize(
            HH1, new DateRange(LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31)), ledger.lines);
    assertThat(march.salesIncomeFen()).isZero();
    List<Long> saleSeqs =
        ledger.lines.stream()
            .filter(l -> l.kind() == IncomeKind.SALE)
            .map(IncomeLine::seq)
            .distinct()
            .toList();
    assertThat(
            HouseholdIncome.seqsBehind(
                HouseholdIncome.Figure.SALES_INCOME, HH1, DateRange.ALL, ledger.lines))
        .isEqualTo(saleSeqs);
    assertThat(
            HouseholdIncome.seqsBehind(
                HouseholdIncome.Figure.OWED, HH1, DateRange.ALL, ledger.lines))
        .hasSize(3);
  }

  @Test
  void example7_premiumOverReferencePrice_andGrowth() throws Exception {
    Ledger ledger = new Ledger();
    ledger.enroll("hh-0001");
    ledger.deliver("hh-0001", "OIL-1", OIL, 100_000);
    ledger.sell("S-1", Channel.PLATFORM, "OIL-1", 5000, 8800, 500, fees(0, 0, 0, 0), at(10));
    ledger.sell("S-2", Channel.SOCIAL_GROUP, "OIL-1", 1000, 8800, 500, fees(0, 0, 0, 0), at(11));
    ProgramFigures p = ProgramFigures.of(DateRange.ALL, ledger.revenue, ledger.lines);
    Ratio unitPrice = p.averageUnitPrice(OIL, Optional.empty()).orElseThrow();
    assertThat(unitPrice.toString()).isEqualTo("88/5"); // fen per ml
    Ratio premium = p.premium(OIL, ledger.live.referencePrice(OIL).orElseThrow()).orElseThrow();
    assertThat(premium.toString()).isEqualTo("19/25");
    assertThat(premium.basisPoints()).isEqualTo(7600);
    assertThat(premium.percent()).isEqualTo("76.00");
    // 8,000 yuan to 18,000 yuan per household: +125%.
    assertThat(Ratio.growth(800_000, 1_800_000).orElseThrow().percent()).isEqualTo("125.00");
    assertThat(Ratio.growth(0, 5)).isEmpty();
  }

  @Test
  void example8_programFigures_byChannel_refundRate_householdShare() throws Exception {
    Ledger ledger = teaChain();
    ledger.sell(
        "S-0001",
        Channel.LIVESTREAM,
        "M2022-A",
        1500,
        6800,
        500,
        fees(1020, 2040, 800, 300),
        at(100));
    ledger.sell(
        "S-0002", Channel.OFFLINE, "G2022-001B", 1000, 3000, 500, fees(0, 0, 0, 0), at(101));
    ledger.refund("R-0001", "S-0001", 500, 6800);
    ProgramFigures p = ProgramFigures.of(DateRange.year(2022), ledger.revenue, ledger.lines);
    ChannelFigures live = p.byChannel().get(Channel.LIVESTREAM);
    assertThat(live.grossFen()).isEqualTo(20400);
    assertThat(live.refundedFen()).isEqualTo(6800);
    assertThat(live.revenueFen()).isEqualTo(13600);
    assertThat(live.netFen()).isEqualTo(16240 - 5413);
    assertThat(live.householdIncomeFen()).isEqualTo(16240 - 5413);
    assertThat(live.householdsReached()).isEqualTo(2);
    assertThat(live.refundRate().orElseThrow().percent()).isEqualTo("33.33");
    assertThat(live.householdShare().orElseThrow().toString()).isEqualTo("10827/13600");
    assertThat(live.householdShare().orElseThrow().percent()).isEqualTo("79.61");
    assertThat(p.onlineRevenueFen()).isEqualTo(13600);
    assertThat(p.revenueFen()).isEqualTo(19600);
    assertThat(p.participatingHouseholds()).isEqualTo(2);
    assertThat(p.householdNetIncomeFen()).isEqualTo(10827 + 6000);
    assertThat(p.averageNetIncomePerHousehold().orElseThrow().rounded()).isEqualTo(8414); // 8413.5
  }

  @Test
  void example8b_participatingHousehold_needsASaleOrRefundLine_wagesAloneDoNotCount()
      throws Exception {
    Ledger ledger = teaChain();
    ledger.enroll("hh-0003");
    ledger.sell(
        "S-0002", Channel.OFFLINE, "G2022-001B", 1000, 3000, 500, fees(0, 0, 0, 0), at(101));
    ledger.wage("hh-0001", 24000, at(102));
    ledger.wage("hh-0003", 50000, at(103)); // wages, but no sale or refund line: not participating
    ProgramFigures p = ProgramFigures.of(DateRange.year(2022), ledger.revenue, ledger.lines);
    assertThat(p.participatingHouseholds()).isEqualTo(2);
    // hh-0001 4800 + 24000, hh-0002 1200; hh-0003's wage is not the program's.
    assertThat(p.householdNetIncomeFen()).isEqualTo(4800 + 24000 + 1200);
    assertThat(p.averageNetIncomePerHousehold().orElseThrow().rounded()).isEqualTo(15000);
  }
}
