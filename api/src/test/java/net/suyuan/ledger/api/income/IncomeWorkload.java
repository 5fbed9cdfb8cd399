package net.suyuan.ledger.api.income;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import net.suyuan.ledger.api.support.AdminClient;
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
 * A seeded random workload of valid events for two programs: deliveries into harvest lots, grading,
 * merging, splitting and packing over several levels, sales on all four channels, partial and full
 * refunds, wages and payouts, dated over 2021 and 2022 (some around the Beijing new year). Each
 * event comes with the organization that may record it. Ids carry a per-run suffix.
 */
public final class IncomeWorkload {
  /** An event and who records it. */
  public record Step(String org, LedgerEvent event) {}

  private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(729).toSeconds();

  final String u;
  final String program1;
  final String program2;
  final String coopA;
  final String coopB;
  final String processor;
  final String seller;
  final String gtinA; // program 1, reference price 5000 fen per 500 g
  final String gtinB; // program 1, no reference price
  final String gtinC; // program 2, reference price 3000 fen per 500 g
  final List<String> households = new ArrayList<>();
  final Map<String, String> cooperativeOf = new LinkedHashMap<>();
  public final List<Step> steps = new ArrayList<>();

  private final Random random;
  private final Map<String, long[]> lots = new LinkedHashMap<>(); // remaining, harvest?1:0
  private final Map<String, String> lotGtin = new LinkedHashMap<>();
  private final Map<String, long[]> sales = new LinkedHashMap<>(); // qty, gross, refQty, refFen
  private final Map<String, long[]> feesLeft = new LinkedHashMap<>(); // not yet returned, by fee
  private final Map<String, Boolean> statesFees = new LinkedHashMap<>();
  private int counter;

  public IncomeWorkload(
      long seed,
      String suffix,
      String program1,
      String program2,
      String coopA,
      String coopB,
      String processor,
      String seller) {
    this.random = new Random(seed);
    this.u = suffix;
    this.program1 = program1;
    this.program2 = program2;
    this.coopA = coopA;
    this.coopB = coopB;
    this.processor = processor;
    this.seller = seller;
    this.gtinA = gtin(random);
    this.gtinB = gtin(random);
    this.gtinC = gtin(random);
  }

  /** Creates the workload's organizations, each with its role: their API keys by org id. */
  public Map<String, String> registerOrgs(AdminClient admin) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(program1, admin.orgWithKey(program1, "social_org"));
    keys.put(program2, admin.orgWithKey(program2, "social_org"));
    keys.put(coopA, admin.orgWithKey(coopA, "cooperative"));
    keys.put(coopB, admin.orgWithKey(coopB, "cooperative"));
    keys.put(processor, admin.orgWithKey(processor, "processor"));
    keys.put(seller, admin.orgWithKey(seller, "seller"));
    return keys;
  }

  public IncomeWorkload generate(int count) {
    steps.add(new Step(program1, product(gtinA, Optional.of(ref(5000, 500)))));
    steps.add(new Step(program1, product(gtinB, Optional.empty())));
    steps.add(new Step(program2, product(gtinC, Optional.of(ref(3000, 500)))));
    for (String coop : List.of(coopA, coopB)) {
      steps.add(new Step(coop, new SiteRegistered(BaseId.of(site(coop)), "基地", "村", "县")));
    }
    for (int i = 0; i < 10; i++) {
      String coop = i < 6 ? coopA : coopB;
      String hh = "hh" + i + "-" + u;
      households.add(hh);
      cooperativeOf.put(hh, coop);
      steps.add(new Step(coop, new HouseholdEnrolled(HouseholdId.of(hh), "清水村", OrgId.of(coop))));
    }
    for (int i = 0; i < 12; i++) {
      deliver();
    }
    while (steps.size() < count) {
      int r = random.nextInt(100);
      if (r < 22) {
        deliver();
      } else if (r < 38) {
        transform();
      } else if (r < 68) {
        sell();
      } else if (r < 78) {
        refund();
      } else if (r < 89) {
        wage();
      } else {
        payout();
      }
    }
    return this;
  }

  private void deliver() {
    String hh = households.get(random.nextInt(households.size()));
    String coop = cooperativeOf.get(hh);
    String gtin = List.of(gtinA, gtinB, gtinC).get(random.nextInt(3));
    List<String> open =
        lots.keySet().stream()
            .filter(l -> lots.get(l)[1] == 1 && lotGtin.get(l).equals(gtin))
            .toList();
    String lot = open.isEmpty() || random.nextInt(3) == 0 ? newLot("H") : pick(open);
    long qty = 500 + random.nextInt(40) * 500L;
    lots.computeIfAbsent(lot, k -> new long[] {0, 1})[0] += qty;
    lotGtin.put(lot, gtin);
    steps.add(
        new Step(
            coop,
            new HarvestDelivered(
                LotId.of(lot),
                Gtin.of(gtin),
                HouseholdId.of(hh),
                BaseId.of(site(coop)),
                Quantity.of(qty),
                time())));
  }

  private void transform() {
    List<String> usable = lots.keySet().stream().filter(l -> lots.get(l)[0] >= 1000).toList();
    if (usable.isEmpty()) {
      return;
    }
    String first = pick(usable);
    int kind = random.nextInt(4);
    List<LotInput> inputs = new ArrayList<>();
    long total = 0;
    List<String> chosen = new ArrayList<>(List.of(first));
    if (kind == 1) { // merge two or three lots of any product into the first one's product
      for (String other : usable) {
        if (!chosen.contains(other) && chosen.size() < 2 + random.nextInt(2)) {
          chosen.add(other);
        }
      }
    }
    for (String lot : chosen) {
      long q = Math.max(500, lots.get(lot)[0] / 500 * 500 / (1 + random.nextInt(2)));
      q = Math.min(q, lots.get(lot)[0]);
      lots.get(lot)[0] -= q;
      total += q;
      inputs.add(new LotInput(LotId.of(lot), Quantity.of(q)));
    }
    String gtin = lotGtin.get(first);
    TransformProcess process;
    List<Long> parts = new ArrayList<>();
    if (kind == 0) {
      process = TransformProcess.GRADING;
      long a = total * 6 / 10;
      parts.add(a);
      parts.add(total * 35 / 100); // 5% loss
    } else if (kind == 1) {
      process = TransformProcess.MERGING;
      parts.add(total - total / 50);
    } else if (kind == 2) {
      process = TransformProcess.SPLITTING;
      int n = 2 + random.nextInt(2);
      long left = total;
      for (int i = 0; i < n - 1; i++) {
        long p = total / n;
        parts.add(p);
        left -= p;
      }
      parts.add(left);
    } else {
      process = TransformProcess.PACKING;
      parts.add(total);
    }
    List<LotOutput> outputs = new ArrayList<>();
    for (long p : parts) {
      if (p <= 0) {
        continue;
      }
      String lot = newLot(kind == 0 ? "G" : kind == 1 ? "M" : kind == 2 ? "S" : "P");
      lots.put(lot, new long[] {p, 0});
      lotGtin.put(lot, gtin);
      Optional<String> grade =
          kind == 0 ? Optional.of(outputs.isEmpty() ? "A" : "B") : Optional.empty();
      outputs.add(new LotOutput(LotId.of(lot), Gtin.of(gtin), Quantity.of(p), grade));
    }
    steps.add(new Step(processor, new LotTransformed(process, inputs, outputs, time())));
  }

  private void sell() {
    List<String> usable = lots.keySet().stream().filter(l -> lots.get(l)[0] >= 500).toList();
    if (usable.isEmpty()) {
      return;
    }
    String lot = pick(usable);
    long k = 1 + random.nextInt((int) Math.min(8, lots.get(lot)[0] / 500));
    long qty = k * 500;
    long unit = 2000 + random.nextInt(7000);
    long gross = k * unit;
    Fen[] fees = new Fen[4];
    for (int i = 0; i < 4; i++) {
      fees[i] = Fen.of(random.nextInt(3) == 0 ? 0 : random.nextLong(gross / 10 + 1));
    }
    lots.get(lot)[0] -= qty;
    String sale = "S" + (++counter) + "-" + u;
    sales.put(sale, new long[] {qty, gross, 0, 0});
    Channel channel = Channel.values()[random.nextInt(4)];
    steps.add(
        new Step(
            seller,
            new SaleRecorded(
                SaleId.of(sale),
                channel,
                LotId.of(lot),
                Quantity.of(qty),
                Fen.of(unit),
                Quantity.of(500),
                new SaleFees(fees[0], fees[1], fees[2], fees[3]),
                time())));
    feesLeft.put(
        sale, new long[] {fees[0].value(), fees[1].value(), fees[2].value(), fees[3].value()});
  }

  private void refund() {
    List<String> open =
        sales.keySet().stream().filter(s -> sales.get(s)[2] < sales.get(s)[0]).toList();
    if (open.isEmpty()) {
      return;
    }
    String sale = pick(open);
    long[] s = sales.get(sale);
    boolean full = random.nextInt(3) == 0;
    long qty = full ? s[0] - s[2] : 1 + random.nextLong(s[0] - s[2]);
    long amount = full ? s[1] - s[3] : random.nextLong(s[1] - s[3] + 1);
    s[2] += qty;
    s[3] += amount;
    // Half the sales' refunds state the fees returned (the platform may keep some): all of one
    // sale's refunds or none, as the validator requires.
    boolean stated = statesFees.computeIfAbsent(sale, k -> random.nextBoolean());
    Optional<SaleFees> returned = Optional.empty();
    if (stated) {
      long[] left = feesLeft.get(sale);
      long budget = amount;
      Fen[] f = new Fen[4];
      for (int i = 0; i < 4; i++) {
        long give = Math.min(budget, random.nextBoolean() ? left[i] : random.nextLong(left[i] + 1));
        left[i] -= give;
        budget -= give;
        f[i] = Fen.of(give);
      }
      returned = Optional.of(new SaleFees(f[0], f[1], f[2], f[3]));
    }
    steps.add(
        new Step(
            seller,
            new SaleRefunded(
                RefundId.of("R" + (++counter) + "-" + u),
                SaleId.of(sale),
                Quantity.of(qty),
                Fen.of(amount),
                returned,
                time())));
  }

  private void wage() {
    String hh = households.get(random.nextInt(households.size()));
    String coop = cooperativeOf.get(hh);
    steps.add(
        new Step(
            coop,
            new WageRecorded(
                HouseholdId.of(hh),
                BaseId.of(site(coop)),
                Fen.of(1000 + random.nextInt(30000)),
                OptionalInt.of(1 + random.nextInt(5)),
                time())));
  }

  private void payout() {
    String hh = households.get(random.nextInt(households.size()));
    steps.add(
        new Step(
            cooperativeOf.get(hh),
            new PayoutMade(
                HouseholdId.of(hh),
                Fen.of(1000 + random.nextInt(50000)),
                Optional.of("TRF-" + (++counter)),
                time())));
  }

  private static ReferencePrice ref(long fen, long per) {
    return new ReferencePrice(Fen.of(fen), Quantity.of(per));
  }

  private ProductRegistered product(String gtin, Optional<ReferencePrice> ref) {
    return new ProductRegistered(Gtin.of(gtin), "产品 " + gtin, BaseUnit.G, ref);
  }

  /** A time in 2021-2022; one in ten within an hour of the Beijing new year 2022. */
  private Instant time() {
    if (random.nextInt(10) == 0) {
      return Instant.parse("2021-12-31T15:30:00Z").plusSeconds(random.nextInt(3600));
    }
    return START.plusSeconds(random.nextLong(SPAN_SECONDS));
  }

  private String newLot(String prefix) {
    return prefix + (++counter) + "-" + u;
  }

  String site(String coop) {
    return "base-" + coop.hashCode() % 1000 + "-" + u;
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** A random valid GTIN-14. */
  static String gtin(Random r) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 13; i++) {
      digits.append(r.nextInt(10));
    }
    return net.suyuan.ledger.core.id.Gtin.completing(digits.toString()).value();
  }
}
