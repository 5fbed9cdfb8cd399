package net.suyuan.ledger.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.suyuan.ledger.core.event.Activity;
import net.suyuan.ledger.core.event.GradeLimits;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductionRecorded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.StandardId;

/**
 * Writes, through the append API, the resolver benchmark's lot: a packed lot five transformation
 * levels above 40 harvest lots, with about 200 upstream entries (120 household deliveries, 40
 * production records, 36 merges and gradings, 6 inspections), then prints {@code KEY=value} lines
 * for bench/resolver-bench.sh. Events are typed records, sent as the core writes them.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar net.suyuan.ledger.bench.ResolverSetup \
 *   --base http://127.0.0.1:18080 --admin-key KEY
 * </pre>
 */
public final class ResolverSetup {
  private static final Instant T = Instant.parse("2022-03-01T08:00:00.000Z");

  private ResolverSetup() {}

  public static void main(String[] args) throws IOException {
    String base = arg(args, "--base", "http://127.0.0.1:8080");
    String admin = arg(args, "--admin-key", null);
    if (admin == null) {
      System.err.println("usage: ResolverSetup --base URL --admin-key KEY");
      System.exit(2);
    }
    Http http = new Http(base);
    String run = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
    Gtin gtin =
        Gtin.completing("0691" + String.format("%09d", Math.abs(run.hashCode()) % 1_000_000_000));
    String coop = "rb-coop-" + run;
    String coopKey = http.organization(admin, coop, coop, "cooperative");
    String procKey = http.organization(admin, "rb-proc-" + run, "rb-proc-" + run, "processor");
    String inspKey = http.organization(admin, "rb-insp-" + run, "rb-insp-" + run, "inspector");
    StandardId std = StandardId.of("RB-" + run);

    http.append(
        admin,
        List.of(
            new ProductRegistered(gtin, "六枝小黄姜", BaseUnit.G, Optional.empty()),
            new StandardPublished(
                std,
                1,
                gtin,
                "六枝小黄姜团体标准",
                List.of(
                    new GradeLimits(
                        "A",
                        List.of(
                            new GradeLimits.Limit(
                                "moisture_permille", OptionalLong.empty(), OptionalLong.of(70)))),
                    new GradeLimits("B", List.of())))));
    List<LedgerEvent> events = new ArrayList<>();
    for (int b = 0; b < 4; b++) {
      events.add(new SiteRegistered(site(run, b), "基地" + b, "落别乡", "六枝特区"));
    }
    for (int h = 0; h < 120; h++) {
      events.add(
          new HouseholdEnrolled(HouseholdId.of("hh-" + run + "-" + h), "落别乡", OrgId.of(coop)));
    }
    http.append(coopKey, events);

    // Level 5: 40 harvest lots, three households each, one production record each.
    events.clear();
    List<LotId> level = new ArrayList<>();
    for (int l = 0; l < 40; l++) {
      LotId lot = LotId.of("H" + run + "-" + l);
      level.add(lot);
      for (int k = 0; k < 3; k++) {
        events.add(
            new HarvestDelivered(
                lot,
                gtin,
                HouseholdId.of("hh-" + run + "-" + (3 * l + k)),
                site(run, l % 4),
                Quantity.of(1000),
                T));
      }
    }
    http.append(coopKey, events);
    // The production records name their lot once it exists (a record may only name a known lot).
    events.clear();
    for (int l = 0; l < 40; l++) {
      events.add(
          new ProductionRecorded(
              site(run, l % 4),
              Optional.of(level.get(l)),
              Activity.HARVEST,
              Optional.of("washed and dried"),
              Optional.empty(),
              T));
    }
    http.append(coopKey, events);

    // Levels 4, 3, 2: merge pairs (40 -> 20 -> 10 -> 5 lots), quantities conserved.
    long quantity = 3000;
    for (int depth = 4; depth >= 2; depth--) {
      events.clear();
      List<LotId> next = new ArrayList<>();
      for (int i = 0; i < level.size() / 2; i++) {
        LotId out = LotId.of("M" + depth + run + "-" + i);
        next.add(out);
        events.add(
            new LotTransformed(
                TransformProcess.MERGING,
                List.of(
                    new LotInput(level.get(2 * i), Quantity.of(quantity)),
                    new LotInput(level.get(2 * i + 1), Quantity.of(quantity))),
                List.of(new LotOutput(out, gtin, Quantity.of(2 * quantity), Optional.empty())),
                T));
      }
      http.append(procKey, events);
      level = next;
      quantity *= 2;
    }
    // Inspections of the five level-2 lots.
    events.clear();
    for (LotId lot : level) {
      events.add(inspection(lot, std));
    }
    http.append(inspKey, events);
    // Level 1: grade the five lots into A and B; level 0: pack grade A.
    List<LotInput> inputs = new ArrayList<>();
    for (LotId lot : level) {
      inputs.add(new LotInput(lot, Quantity.of(quantity)));
    }
    LotId graded = LotId.of("G" + run + "-A");
    LotId packed = LotId.of("P" + run);
    http.append(
        procKey,
        new LotTransformed(
            TransformProcess.GRADING,
            inputs,
            List.of(
                new LotOutput(graded, gtin, Quantity.of(100_000), Optional.of("A")),
                new LotOutput(
                    LotId.of("G" + run + "-B"), gtin, Quantity.of(15_000), Optional.of("B"))),
            T));
    http.append(inspKey, inspection(graded, std));
    http.append(
        procKey,
        new LotTransformed(
            TransformProcess.PACKING,
            List.of(new LotInput(graded, Quantity.of(50_000))),
            List.of(new LotOutput(packed, gtin, Quantity.of(50_000), Optional.of("A"))),
            T));
    System.out.println("LOT_PATH=/01/" + gtin + "/10/" + packed);
    System.out.println("LOT_ID=" + packed);
  }

  private static BaseId site(String run, int b) {
    return BaseId.of("rb-" + run + "-" + b);
  }

  private static InspectionRecorded inspection(LotId lot, StandardId std) {
    return new InspectionRecorded(
        lot, std, 1, "A", List.of(new InspectionRecorded.Result("moisture_permille", 62)), true, T);
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
