package net.suyuan.ledger.api.income.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.suyuan.ledger.api.income.IncomeWorkload;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The replay's fast path against the strict one on seeded random workloads ({@link IncomeWorkload},
 * stored as canonical entries): the lean reader with chunks read in parallel ({@link
 * ParsedScan.Pipeline}) gives exactly the lines, revenue lines, products and program deltas of the
 * strict parse applied one entry at a time; an unreadable entry fails both at its seq after the
 * same entries. A failure names its seed; rerun one with {@code -Dincome.seed=N}.
 */
class IncomeFeedReadTest {
  private static final int RUNS = 6;

  record Stored(long seq, String type, String actor, byte[] canonical) {}

  @Test
  void leanParallelRead_equalsStrictSequentialRead_onRandomWorkloads() {
    forEachSeed(
        (r, entries) -> {
          Run strict = strict(entries);
          Run lean = lean(entries, 1 + r.nextInt(64));
          assertThat(lean.applied).hasSize(entries.size());
          assertThat(lean.applied).isEqualTo(strict.applied);
          assertThat(values(lean.deltas.programYear)).isEqualTo(values(strict.deltas.programYear));
          assertThat(values(lean.deltas.programChannelYear))
              .isEqualTo(values(strict.deltas.programChannelYear))
              .isNotEmpty();
          assertThat(strict.applied.stream().mapToLong(a -> a.lines().size()).sum()).isPositive();
        });
  }

  @Test
  void unreadableEntry_failsAtItsSeq_afterTheSameEntries_onBothPaths() {
    forEachSeed(
        (r, entries) -> {
          int bad = pickIncomeEntry(r, entries);
          Stored s = entries.get(bad);
          byte[] broken =
              new String(s.canonical(), StandardCharsets.UTF_8)
                  .replace("\"occurredAt\":\"", "\"occurredAt\":\"x")
                  .getBytes(StandardCharsets.UTF_8);
          List<Stored> tampered = new ArrayList<>(entries);
          tampered.set(bad, new Stored(s.seq(), s.type(), s.actor(), broken));
          for (boolean parallel : new boolean[] {false, true}) {
            Run run = new Run();
            assertThatThrownBy(
                    () -> {
                      if (parallel) {
                        run.lean(tampered, 1 + r.nextInt(64));
                      } else {
                        run.strict(tampered);
                      }
                    })
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("entry " + s.seq() + " cannot be read");
            assertThat(run.applied).hasSize(bad);
          }
        });
  }

  private static <K> Map<K, List<Long>> values(Map<K, long[]> m) {
    Map<K, List<Long>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Arrays.stream(v).boxed().toList()));
    return out;
  }

  private interface Check {
    void run(Random r, List<Stored> entries) throws Exception;
  }

  private static void forEachSeed(Check check) {
    String fixed = System.getProperty("income.seed");
    long base = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
    for (int run = 0; run < (fixed != null ? 1 : RUNS); run++) {
      long seed = base + run;
      try {
        Random r = new Random(seed);
        check.run(r, entries(seed, 1500 + r.nextInt(1500)));
      } catch (Throwable t) {
        throw new AssertionError("failed with seed " + seed + " (-Dincome.seed=" + seed + ")", t);
      }
    }
  }

  private static int pickIncomeEntry(Random r, List<Stored> entries) {
    while (true) {
      int i = r.nextInt(entries.size());
      if (entries.get(i).canonical() != null
          && new String(entries.get(i).canonical(), StandardCharsets.UTF_8)
              .contains("\"occurredAt\":\"")) {
        return i;
      }
    }
  }

  /** The workload as stored entries: canonical bytes only for the types income reads. */
  static List<Stored> entries(long seed, int steps) {
    IncomeWorkload w =
        new IncomeWorkload(seed, "t", "prog1", "prog2", "coopa", "coopb", "proc", "sell")
            .generate(steps);
    List<Stored> out = new ArrayList<>();
    out.add(new Stored(0, "ledger.genesis", "ledger", null));
    for (IncomeWorkload.Step step : w.steps) {
      long seq = out.size();
      LedgerEvent e = step.event();
      byte[] canonical =
          Jcs.canonicalize(
              JsonObject.builder()
                  .put("actor", step.org())
                  .put("body", e.toBody())
                  .put("prev", "00".repeat(32))
                  .put("seq", seq)
                  .put("ts", "2023-01-01T00:00:00.000Z")
                  .put("type", e.type())
                  .put("v", 1)
                  .build());
      out.add(
          new Stored(
              seq, e.type(), step.org(), IncomeFeed.TYPES.contains(e.type()) ? canonical : null));
    }
    return out;
  }

  private static Run strict(List<Stored> entries) {
    Run run = new Run();
    run.strict(entries);
    return run;
  }

  private static Run lean(List<Stored> entries, int chunk) throws Exception {
    Run run = new Run();
    run.lean(entries, chunk);
    return run;
  }

  /** One feed's results, entry by entry. */
  private static final class Run {
    final List<IncomeFeed.Applied> applied = new ArrayList<>();
    final Rollups deltas = new Rollups();

    void strict(List<Stored> entries) {
      IncomeFeed feed = new IncomeFeed(new EntryEvents(false));
      for (Stored s : entries) {
        applied.add(feed.apply(s.seq(), s.type(), s.actor(), s.canonical(), deltas));
      }
    }

    void lean(List<Stored> entries, int chunk) throws Exception {
      IncomeFeed feed = new IncomeFeed();
      ParsedScan.Pipeline pipeline =
          new ParsedScan.Pipeline(
              (seq, type, actor, event) ->
                  applied.add(feed.applyEvent(seq, type, actor, event, deltas)),
              chunk);
      try {
        for (Stored s : entries) {
          pipeline.add(s.seq(), s.type(), s.actor(), s.canonical(), null);
        }
        pipeline.finish();
      } finally {
        pipeline.cancel();
      }
    }
  }
}
