package net.suyuan.ledger.core.income;

import static net.suyuan.ledger.core.income.Ledger.TEA;
import static net.suyuan.ledger.core.income.Ledger.TEA_BOX;
import static net.suyuan.ledger.core.income.Ledger.at;
import static net.suyuan.ledger.core.income.Ledger.fees;
import static net.suyuan.ledger.core.income.Ledger.hh;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SaleId;
import org.junit.jupiter.api.Test;

/**
 * Randomized workloads (deliveries by many households, grading into two grades, merges of two lots,
 * multi-level transformations, sales on every channel, partial and full refunds, wages, payouts),
 * every entry validated, checked against an exact rational model. A failure names its seed; rerun
 * one with {@code -Dincome.seed=N}.
 */
class IncomeAttributionPropertyTest {
  private static final int RUNS = 25;
  private static final Channel[] CHANNELS = Channel.values();
  private static final TransformProcess[] PROCESSES = TransformProcess.values();

  @Test
  void randomWorkloads_splitsExact_liveEqualsReplay_totalsAddUp_onlyContributorsPaid() {
    String fixed = System.getProperty("income.seed");
    long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    int runs = fixed != null ? 1 : RUNS;
    for (int run = 0; run < runs; run++) {
      long seed = base + run;
      try {
        new Workload(new Random(seed)).run();
      } catch (Throwable t) {
        throw new AssertionError("failed with seed " + seed + " (-Dincome.seed=" + seed + ")", t);
      }
    }
  }

  /**
   * Chains of merges with odd quantities, so denominators pass 2^63 and the BigInteger form is
   * used: every composition and every sale's split equal the exact reference.
   */
  @Test
  void mergeChains_denominatorsBeyondLong_exactAgainstReference() throws Exception {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    Ledger ledger = new Ledger();
    ExactModel exact = new ExactModel();
    String[] hs = {"hh-a", "hh-b", "hh-c", "hh-d"};
    ledger.enroll(hs);
    String chain = "C0";
    ledger.deliver("hh-a", chain, TEA, 1_000_003);
    exact.deliver(chain, hh("hh-a"), 1_000_003);
    boolean beyondLong = false;
    for (int level = 1; level <= 12; level++) {
      String fresh = "F" + level;
      long q = 10_007 + 2 * r.nextInt(500_000);
      ledger.deliver(hs[level % hs.length], fresh, TEA, q);
      exact.deliver(fresh, hh(hs[level % hs.length]), q);
      ledger.deliver(hs[(level + 1) % hs.length], fresh, TEA, q / 3 + 1);
      exact.deliver(fresh, hh(hs[(level + 1) % hs.length]), q / 3 + 1);
      long fromChain = 1 + r.nextInt((int) Math.min(remaining(ledger, chain) - 1, 900_000));
      long fromFresh = 1 + r.nextInt((int) remaining(ledger, fresh) - 1);
      String next = "C" + level;
      ledger.transform(
          TransformProcess.MERGING,
          List.of(Ledger.in(chain, fromChain), Ledger.in(fresh, fromFresh)),
          List.of(Ledger.out(next, TEA, fromChain + fromFresh, "A")));
      exact.transform(
          new LinkedHashMap<>(Map.of(chain, fromChain, fresh, fromFresh)),
          Map.of(next, fromChain + fromFresh));
      chain = next;
      Composition c = ledger.live.composition(LotId.of(chain)).orElseThrow();
      assertThat(c.asMap()).as("seed %d level %d", seed, level).isEqualTo(exact.fractions(chain));
      beyondLong |= c.total().bitLength() > 63;
      long net = r.nextInt(1_000_000);
      EntryIncome sale =
          ledger.sell(
              "S-" + level, Channel.OFFLINE, chain, 1, net, 1, fees(0, 0, 0, 0), Ledger.at(level));
      exact.draw(chain, 1);
      Map<HouseholdId, Long> got = new HashMap<>();
      sale.households().forEach(l -> got.put(l.householdId(), l.amountFen()));
      assertThat(got)
          .as("seed %d level %d", seed, level)
          .isEqualTo(ExactModel.split(net, exact.fractions(chain)));
    }
    assertThat(beyondLong).as("seed %d: some total beyond a long", seed).isTrue();
  }

  private static long remaining(Ledger ledger, String lot) {
    return ledger.state().lot(LotId.of(lot)).orElseThrow().remaining();
  }

  private static final class Workload {
    private final Random r;
    private final Ledger ledger;
    private final ExactModel exact = new ExactModel();
    private final List<String> households = new ArrayList<>();
    private final List<String> harvestLots = new ArrayList<>();
    private final List<String> allLots = new ArrayList<>();
    private final List<String> saleIds = new ArrayList<>();
    private final Map<String, Map<HouseholdId, Long>> held = new HashMap<>();
    private final Map<String, Long> netOf = new HashMap<>();
    private final Map<String, Map<HouseholdId, Ratio>> shareOf = new HashMap<>();
    private int counter;

    Workload(Random r) throws Exception {
      this.r = r;
      this.ledger = new Ledger();
    }

    void run() throws Exception {
      int n = 2 + r.nextInt(25);
      for (int i = 0; i < n; i++) {
        households.add(String.format("hh-%04d", r.nextInt(10_000)));
      }
      households.stream().distinct().forEach(this::enroll);
      int steps = 100 + r.nextInt(200);
      for (int i = 0; i < steps; i++) {
        int op = r.nextInt(100);
        if (op < 30 || harvestLots.isEmpty()) {
          deliver();
        } else if (op < 50) {
          transform();
        } else if (op < 75) {
          sell();
        } else if (op < 85) {
          refund();
        } else if (op < 93) {
          ledger.wage(pick(households), 1 + r.nextInt(50_000), at(i));
        } else {
          ledger.payout(pick(households), 1 + r.nextInt(80_000), at(i));
        }
        if (r.nextInt(4) == 0 && !allLots.isEmpty()) {
          ledger.live.composition(LotId.of(pick(allLots))); // queries must not change anything
        }
      }
      checkReplay();
      checkTotals();
    }

    private void enroll(String h) {
      try {
        ledger.enroll(h);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    private <T> T pick(List<T> list) {
      return list.get(r.nextInt(list.size()));
    }

    private long remaining(String lot) {
      return ledger.state().lot(LotId.of(lot)).orElseThrow().remaining();
    }

    private List<String> nonEmptyLots() {
      List<String> lots = new ArrayList<>();
      for (String lot : allLots) {
        if (remaining(lot) > 0) {
          lots.add(lot);
        }
      }
      return lots;
    }

    private void deliver() throws Exception {
      String lot = harvestLots.isEmpty() || r.nextInt(3) == 0 ? "H" + counter++ : pick(harvestLots);
      if (!harvestLots.contains(lot)) {
        harvestLots.add(lot);
        allLots.add(lot);
      }
      String h = pick(households);
      long q =
          r.nextInt(3) == 0
              ? 1000L * (1 + r.nextInt(6)) // round deliveries: exact shares tie often
              : 1 + r.nextInt(r.nextBoolean() ? 100 : 20_000);
      ledger.deliver(h, lot, TEA, q);
      exact.deliver(lot, hh(h), q);
    }

    private void transform() throws Exception {
      List<String> candidates = nonEmptyLots();
      if (candidates.isEmpty()) {
        return;
      }
      Map<String, Long> inputs = new LinkedHashMap<>();
      int k = candidates.size() > 1 && r.nextBoolean() ? 2 : 1; // merges of two lots
      while (inputs.size() < k) {
        String lot = pick(candidates);
        inputs.putIfAbsent(lot, 1 + (long) r.nextInt((int) Math.min(remaining(lot), 1 << 30)));
      }
      long total = inputs.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Long> outputs = new LinkedHashMap<>();
      if (total >= 2 && r.nextBoolean()) { // split into two grades, maybe with a loss
        long a = 1 + rand(total - 1);
        long b = 1 + rand(total - a);
        outputs.put("T" + counter++, a);
        outputs.put("T" + counter++, Math.min(b, total - a));
      } else {
        outputs.put("T" + counter++, total - (r.nextBoolean() ? 0 : rand(total / 10)));
      }
      List<net.suyuan.ledger.core.event.LotTransformed.LotInput> in = new ArrayList<>();
      inputs.forEach((lot, q) -> in.add(Ledger.in(lot, q)));
      List<net.suyuan.ledger.core.event.LotTransformed.LotOutput> out = new ArrayList<>();
      String[] grades = {"A", "B"};
      int g = 0;
      for (Map.Entry<String, Long> o : outputs.entrySet()) {
        out.add(Ledger.out(o.getKey(), r.nextBoolean() ? TEA : TEA_BOX, o.getValue(), grades[g++]));
        allLots.add(o.getKey());
      }
      ledger.transform(PROCESSES[r.nextInt(PROCESSES.length)], in, out);
      exact.transform(inputs, outputs);
    }

    private void sell() throws Exception {
      List<String> candidates = nonEmptyLots();
      if (candidates.isEmpty()) {
        return;
      }
      String lot = pick(candidates);
      long left = remaining(lot);
      long per = new long[] {1, 10, 250}[r.nextInt(3)];
      per = per > left ? 1 : per;
      long quantity = per * (1 + rand(left / per));
      quantity = Math.min(quantity, left - left % per);
      long unitPrice = r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(20_000);
      long gross = quantity / per * unitPrice;
      long quarter = gross / 4 + 1;
      String saleId = "S-" + counter++;
      Map<HouseholdId, Ratio> fractions = Map.copyOf(exact.fractions(lot));
      assertThat(ledger.live.composition(LotId.of(lot)).map(Composition::asMap))
          .as("composition of %s", lot)
          .contains(fractions);
      EntryIncome income =
          ledger.sell(
              saleId,
              CHANNELS[r.nextInt(CHANNELS.length)],
              lot,
              quantity,
              unitPrice,
              per,
              gross == 0
                  ? fees(0, 0, 0, 0)
                  : fees(rand(quarter), rand(quarter), rand(quarter), rand(quarter - 1)),
              at(counter));
      exact.draw(lot, quantity);
      saleIds.add(saleId);
      RevenueLine rev = income.revenue().get(0);
      assertThat(sum(income)).as("sale lines add up to net").isEqualTo(rev.netFen());
      Map<HouseholdId, Long> got = new HashMap<>();
      for (IncomeLine line : income.households()) {
        assertThat(fractions).as("paid only to contributors").containsKey(line.householdId());
        got.put(line.householdId(), line.amountFen());
      }
      assertThat(got)
          .as("split of %d fen by the exact shares %s", rev.netFen(), fractions)
          .isEqualTo(ExactModel.split(rev.netFen(), fractions));
      held.put(saleId, got);
      netOf.put(saleId, rev.netFen());
      shareOf.put(saleId, fractions);
    }

    private long rand(long bound) {
      return bound <= 0 ? 0 : Math.floorMod(r.nextLong(), bound); // 0..bound-1, no floating point
    }

    /** The refund rule of docs/income.md from scratch: cumulative reversal, split by holdings. */
    private Map<HouseholdId, Long> expectedRefund(SaleInfo sale, long amount, long net) {
      long gross = sale.grossFen();
      long before = gross == 0 ? 0 : mulDiv(net, sale.refundedFen(), gross);
      long after = gross == 0 ? 0 : mulDiv(net, sale.refundedFen() + amount, gross);
      Map<HouseholdId, Long> holdings = held.get(sale.saleId().value());
      long sum = holdings.values().stream().mapToLong(Long::longValue).sum();
      if (after == before) {
        return Map.of();
      }
      Map<HouseholdId, Ratio> weights = new HashMap<>();
      holdings.forEach((h, v) -> weights.put(h, Ratio.of(v, sum).orElseThrow()));
      Map<HouseholdId, Long> taken = ExactModel.split(after - before, weights);
      Map<HouseholdId, Long> lines = new HashMap<>();
      taken.forEach((h, v) -> lines.put(h, -v));
      return lines;
    }

    private static long mulDiv(long a, long b, long c) {
      return BigInteger.valueOf(a)
          .multiply(BigInteger.valueOf(b))
          .divide(BigInteger.valueOf(c))
          .longValueExact();
    }

    private void refund() throws Exception {
      if (saleIds.isEmpty()) {
        return;
      }
      String saleId = pick(saleIds);
      SaleInfo sale = ledger.state().sale(SaleId.of(saleId)).orElseThrow();
      long qLeft = sale.quantity() - sale.refundedQuantity();
      long aLeft = sale.grossFen() - sale.refundedFen();
      if (qLeft == 0) {
        return;
      }
      long q = 1 + rand(qLeft);
      long amount = r.nextInt(3) == 0 ? aLeft : rand(aLeft + 1);
      long saleNet = netOf.get(saleId);
      boolean stated =
          sale.refundedQuantity() > 0 ? sale.feesReturned().isPresent() : r.nextBoolean();
      Optional<SaleFees> returned =
          stated ? Optional.of(feesReturned(sale, amount)) : Optional.empty();
      Map<HouseholdId, Long> expected =
          stated
              ? expectedStated(saleId, amount - returned.get().total().value())
              : expectedRefund(sale, amount, saleNet);
      EntryIncome income = ledger.refund("R-" + counter++, saleId, q, amount, returned);
      Map<HouseholdId, Long> gotLines = new HashMap<>();
      income.households().forEach(l -> gotLines.put(l.householdId(), l.amountFen()));
      assertThat(gotLines).as("refund of %d of %s", amount, saleId).isEqualTo(expected);
      assertThat(sum(income)).as("refund lines add up").isEqualTo(income.revenue().get(0).netFen());
      Map<HouseholdId, Long> h = held.get(saleId);
      for (IncomeLine line : income.households()) {
        long now = h.getOrDefault(line.householdId(), 0L) + line.amountFen();
        if (!stated) {
          assertThat(now).as("a refund takes back no more than the sale gave").isNotNegative();
        }
        h.put(line.householdId(), Math.max(0, now)); // fees kept go beyond the holdings
      }
      if (!stated && sale.refundedFen() + amount == sale.grossFen()) {
        assertThat(h.values()).as("a full refund reverses everything").allMatch(v -> v == 0);
      }
    }

    /** Random fees returned: per fee at most what is left of it, in total at most the amount. */
    private SaleFees feesReturned(SaleInfo sale, long amount) {
      SaleFees c = sale.fees();
      SaleFees b = sale.feesReturned().orElse(SaleFees.NONE);
      long[] left = {
        c.platformFen().value() - b.platformFen().value(),
        c.serviceFen().value() - b.serviceFen().value(),
        c.logisticsFen().value() - b.logisticsFen().value(),
        c.packagingFen().value() - b.packagingFen().value()
      };
      long budget = amount;
      long[] f = new long[4];
      for (int i = 0; i < 4; i++) {
        f[i] = Math.min(budget, r.nextBoolean() ? left[i] : rand(left[i] + 1));
        budget -= f[i];
      }
      return fees(f[0], f[1], f[2], f[3]);
    }

    /**
     * The stated-fees rule from scratch: amount less fees returned is reversed, from the holdings
     * (split by them) as far as they go, the rest by the sold lot's exact shares.
     */
    private Map<HouseholdId, Long> expectedStated(String saleId, long reversal) {
      Map<HouseholdId, Long> holdings = held.get(saleId);
      long sum = holdings.values().stream().mapToLong(Long::longValue).sum();
      long fromHeld = Math.min(reversal, sum);
      Map<HouseholdId, Long> lines = new HashMap<>();
      if (fromHeld > 0) {
        Map<HouseholdId, Ratio> weights = new HashMap<>();
        holdings.forEach((h, v) -> weights.put(h, Ratio.of(v, sum).orElseThrow()));
        ExactModel.split(fromHeld, weights).forEach((h, v) -> lines.merge(h, -v, Long::sum));
      }
      if (reversal > fromHeld) {
        ExactModel.split(reversal - fromHeld, shareOf.get(saleId))
            .forEach((h, v) -> lines.merge(h, -v, Long::sum));
      }
      lines.values().removeIf(v -> v == 0);
      return lines;
    }

    private static long sum(EntryIncome income) {
      return income.households().stream().mapToLong(IncomeLine::amountFen).sum();
    }

    private void checkReplay() throws Exception {
      List<EntryIncome> replayed = new ArrayList<>();
      IncomeAttribution fresh = ledger.replay(replayed);
      assertThat(replayed).isEqualTo(ledger.results);
      assertThat(fresh.lots()).isEqualTo(ledger.live.lots());
      for (LotId lot : fresh.lots()) {
        assertThat(fresh.composition(lot)).isEqualTo(ledger.live.composition(lot));
      }
    }

    private void checkTotals() {
      long net = ledger.revenue.stream().mapToLong(RevenueLine::netFen).sum();
      long sales = 0;
      long wages = 0;
      long netIncome = 0;
      int participating = 0;
      for (String h : households.stream().distinct().toList()) {
        HouseholdIncome s = HouseholdIncome.summarize(hh(h), DateRange.ALL, ledger.lines);
        sales += s.salesIncomeFen();
        wages += s.wagesFen();
        boolean sold =
            ledger.lines.stream().anyMatch(l -> l.householdId().equals(hh(h)) && l.kind().ofSale());
        if (sold) { // participating: a sale or refund line; only then do its wages count
          netIncome += s.netIncomeFen();
          participating++;
        }
        assertThat(s.byChannel().values().stream().mapToLong(Long::longValue).sum())
            .isEqualTo(s.salesIncomeFen());
      }
      assertThat(sales).as("households' sales income = total net revenue").isEqualTo(net);
      ProgramFigures p = ProgramFigures.of(DateRange.ALL, ledger.revenue, ledger.lines);
      assertThat(p.householdNetIncomeFen()).isEqualTo(netIncome);
      assertThat(p.participatingHouseholds()).isEqualTo(participating);
      for (ChannelFigures c : p.byChannel().values()) {
        assertThat(c.householdIncomeFen()).isEqualTo(c.netFen());
      }
      assertThat(wages)
          .isEqualTo(
              ledger.lines.stream()
                  .filter(l -> l.kind() == IncomeKind.WAGE)
                  .mapToLong(IncomeLine::amountFen)
                  .sum());
    }
  }
}
