package net.suyuan.ledger.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.BiConsumer;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
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

/**
 * A realistic, valid income workload for the income benchmark, as (actor, event) in ledger order:
 * three programs (organizations {@code prog-0..2}) and four products, {@code households} households
 * of 50 cooperatives, then cycles over 2021-2022 of: ten deliveries into a harvest lot, grading
 * into A and B, packing A, four sales of the pack and two of B on random channels, a refund every
 * third cycle, two wages and a payout (~21 entries per cycle).
 */
final class IncomeEvents {
  static final String[] GTINS = {
    "06901234500004", "06901234500011", "06901234500028", "06901234500035"
  };
  static final int COOPERATIVES = 50;

  private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
  private static final long SPAN = Duration.ofDays(729).toSeconds();

  private IncomeEvents() {}

  static String household(int i) {
    return String.format("hh-%06d", i);
  }

  static String cooperative(int household) {
    return String.format("coop-%02d", household % COOPERATIVES);
  }

  /** Emits about {@code entries} events (the caller's genesis not counted). */
  static void generate(
      long entries, int households, long seed, BiConsumer<String, LedgerEvent> out) {
    Random r = new Random(seed);
    for (int i = 0; i < GTINS.length; i++) {
      Optional<ReferencePrice> ref =
          i == 1
              ? Optional.empty()
              : Optional.of(new ReferencePrice(Fen.of(3000 + 1000 * i), Quantity.of(500)));
      out.accept(
          "prog-" + Math.min(i, 2),
          new ProductRegistered(
              Gtin.of(GTINS[i]), "产品 " + i, i == 2 ? BaseUnit.ML : BaseUnit.G, ref));
    }
    for (int c = 0; c < COOPERATIVES; c++) {
      String coop = String.format("coop-%02d", c);
      out.accept(coop, new SiteRegistered(BaseId.of("base-" + c), "基地 " + c, "村", "县"));
    }
    for (int h = 0; h < households; h++) {
      out.accept(
          cooperative(h),
          new HouseholdEnrolled(HouseholdId.of(household(h)), "村", OrgId.of(cooperative(h))));
    }
    long emitted = GTINS.length + COOPERATIVES + households;
    long cycles = Math.max(1, (entries - emitted) / 21);
    for (long cycle = 0; emitted < entries; cycle++) {
      Instant t = START.plusSeconds(SPAN * Math.min(cycle, cycles) / cycles);
      List<LedgerEvent> events = new ArrayList<>();
      List<String> actors = new ArrayList<>();
      String gtin = GTINS[r.nextInt(GTINS.length)];
      String h = "H" + cycle;
      long total = 0;
      for (int i = 0; i < 10; i++) {
        int hh = r.nextInt(households);
        long q = 500L * (2 + r.nextInt(40));
        total += q;
        actors.add(cooperative(hh));
        events.add(
            new HarvestDelivered(
                LotId.of(h),
                Gtin.of(gtin),
                HouseholdId.of(household(hh)),
                BaseId.of("base-" + hh % COOPERATIVES),
                Quantity.of(q),
                t.plusSeconds(i)));
      }
      long a = total * 6 / 10;
      long b = total * 35 / 100;
      actors.add("processor-1");
      events.add(
          new LotTransformed(
              TransformProcess.GRADING,
              List.of(new LotInput(LotId.of(h), Quantity.of(total))),
              List.of(
                  new LotOutput(
                      LotId.of("A" + cycle), Gtin.of(gtin), Quantity.of(a), Optional.of("A")),
                  new LotOutput(
                      LotId.of("B" + cycle), Gtin.of(gtin), Quantity.of(b), Optional.of("B"))),
              t.plusSeconds(60)));
      actors.add("processor-1");
      events.add(
          new LotTransformed(
              TransformProcess.PACKING,
              List.of(new LotInput(LotId.of("A" + cycle), Quantity.of(a))),
              List.of(
                  new LotOutput(
                      LotId.of("P" + cycle), Gtin.of(gtin), Quantity.of(a), Optional.empty())),
              t.plusSeconds(120)));
      List<String> sales = new ArrayList<>();
      List<Long> grosses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String lot = i < 4 ? "P" + cycle : "B" + cycle;
        long k = Math.max(1, (i < 4 ? a : b) / 500 / 5);
        long unit = 2000 + r.nextInt(8000);
        long gross = k * unit;
        String sale = "S" + cycle + "-" + i;
        sales.add(sale);
        grosses.add(gross);
        actors.add("seller-" + r.nextInt(20));
        events.add(
            new SaleRecorded(
                SaleId.of(sale),
                Channel.values()[r.nextInt(4)],
                LotId.of(lot),
                Quantity.of(k * 500),
                Fen.of(unit),
                Quantity.of(500),
                new SaleFees(
                    Fen.of(gross / 20), Fen.of(gross / 25), Fen.of(r.nextInt(500)), Fen.of(100)),
                t.plusSeconds(3600L * (i + 1))));
      }
      if (cycle % 3 == 0) {
        actors.add("seller-0");
        events.add(
            new SaleRefunded(
                RefundId.of("R" + cycle),
                SaleId.of(sales.get(0)),
                Quantity.of(500),
                Fen.of(grosses.get(0) / 4),
                t.plusSeconds(86_400)));
      }
      for (int i = 0; i < 3; i++) {
        int hh = r.nextInt(households);
        actors.add(cooperative(hh));
        events.add(
            i < 2
                ? new WageRecorded(
                    HouseholdId.of(household(hh)),
                    BaseId.of("base-" + hh % COOPERATIVES),
                    Fen.of(5000 + r.nextInt(20000)),
                    OptionalInt.of(1 + r.nextInt(3)),
                    t.plusSeconds(7200))
                : new PayoutMade(
                    HouseholdId.of(household(hh)),
                    Fen.of(10000 + r.nextInt(90000)),
                    Optional.of("TRF-" + cycle),
                    t.plusSeconds(172_800)));
      }
      for (int i = 0; i < events.size() && emitted < entries; i++, emitted++) {
        out.accept(actors.get(i), events.get(i));
      }
    }
  }
}
