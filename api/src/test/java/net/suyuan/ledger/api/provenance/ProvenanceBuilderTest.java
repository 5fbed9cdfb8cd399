package net.suyuan.ledger.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static net.suyuan.ledger.api.provenance.PageFixture.GTIN;
import static net.suyuan.ledger.api.provenance.PageFixture.T0;
import static net.suyuan.ledger.api.provenance.PageFixture.delivery;
import static net.suyuan.ledger.api.provenance.PageFixture.grading;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.suyuan.ledger.api.provenance.Provenance.LotLink;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The provenance of a lot built from stored rows without a server or a database: typed events are
 * sealed into a chain by the core's writer, handed to the builder as the store would, and the
 * lineage, origin, sales and verdicts are read back.
 */
class ProvenanceBuilderTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final String BASE = "https://id.example.cn";
  private static final Gtin PRODUCT = Gtin.of(GTIN);

  @Test
  void gradedLot_showsItsHarvestsUpstream_itsSales_andVerifiesEveryEntry() {
    Chain chain =
        new Chain()
            .add(new ProductRegistered(PRODUCT, "六枝小黄姜", BaseUnit.G, Optional.empty())) // 1
            .add(new SiteRegistered(BaseId.of("lz-base-1"), "东坡基地", "落别乡", "六枝特区")) // 2
            .add(delivery("lz-0001", "H1", 600, 0)) // 3
            .add(delivery("lz-0002", "H1", 400, 1)) // 4
            .add(delivery("lz-0003", "H2", 900, 1)) // 5: another lot, not in this lineage
            .add(grading("H1", 1000, "G1", 950)) // 6
            .add(grading("G1", 950, "P1", 900)) // 7
            .add(sale("S-1", "P1", 500)) // 8
            .add(sale("S-2", "H2", 500)); // 9

    Provenance p = chain.build("G1").orElseThrow();

    assertThat(p.id().uri()).isEqualTo(BASE + "/01/" + GTIN + "/10/G1");
    assertThat(p.product()).isEqualTo(new Provenance.Product(GTIN, "六枝小黄姜", "g", 1L));
    assertThat(p.lot()).isEqualTo(new Provenance.Lot("G1", GTIN, "A", 950, "grading", 6));
    assertThat(p.verification().ok()).isTrue();
    assertThat(p.verification().checked()).isEqualTo(9);
    assertThat(p.verification().failed()).isEmpty();
    assertThat(p.verification().ledgerHead().seq()).isEqualTo(9);
    assertThat(p.lineage().upstream())
        .containsExactly(new LotLink("H1", 1, GTIN, null, "harvest", 3L, List.of()));
    assertThat(p.lineage().downstream())
        .extracting(l -> l.lotId() + "@" + l.depth() + " by " + l.madeBy())
        .containsExactly("P1@1 by grading");
    assertThat(p.lineage().sales())
        .containsExactly(new Provenance.Sale(8, "S-1", "livestream", "P1", 500));
    assertThat(p.origin().deliveries())
        .extracting(d -> d.seq() + " " + d.householdId() + " " + d.lotId() + " " + d.quantity())
        .containsExactly("3 lz-0001 H1 600", "4 lz-0002 H1 400");
    assertThat(p.origin().bases())
        .containsExactly(new Provenance.Base("lz-base-1", "东坡基地", "落别乡", "六枝特区", 1000));
    assertThat(p.timeline())
        .extracting(Provenance.Step::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(p.timeline()).allMatch(Provenance.Step::verified);
  }

  @Test
  void unknownLot_orAnotherProductsLot_hasNoProvenance() {
    Chain chain = new Chain().add(delivery("lz-0001", "H1", 600, 0));

    assertThat(chain.build("NOPE")).isEmpty();
    assertThat(
            ProvenanceBuilder.build(
                LotId.of("H1"), Gtin.completing("0690000100002"), BASE, chain.rows()))
        .isEmpty();
    assertThat(ProvenanceBuilder.build(LotId.of("H1"), null, BASE, chain.rows())).isPresent();
  }

  @Test
  void entryRewrittenWithItsHash_failsThere_andAtTheEntryLinkingToIt() {
    Chain chain =
        new Chain()
            .add(delivery("lz-0001", "H1", 600, 0))
            .add(delivery("lz-0002", "H1", 400, 1))
            .add(grading("H1", 1000, "G1", 950));
    SealedEntry honest = chain.entries.get(2);
    byte[] forged =
        new String(honest.canonical(), UTF_8)
            .replace("\"quantity\":400", "\"quantity\":4000")
            .getBytes(UTF_8);
    assertThat(forged).isNotEqualTo(honest.canonical());
    chain.forge(2, forged);

    Provenance p = chain.build("G1").orElseThrow();

    assertThat(p.verification().ok()).isFalse();
    // Its recomputed hash is not what entry 3 links to; entry 3's prev is not the forged hash.
    assertThat(p.verification().failed()).containsExactly(2L, 3L);
    Provenance.Step step = p.timeline().get(1);
    assertThat(step.verified()).isFalse();
    assertThat(step.failure().kind()).isEqualTo("broken_link");
    assertThat(p.timeline())
        .filteredOn(Provenance.Step::verified)
        .extracting(Provenance.Step::seq)
        .containsExactly(1L);
  }

  /**
   * Random transformation graphs: the lineage is every lot reachable through the transformations,
   * each at its least depth (computed here by relaxation, not by a walk), and the origin is the
   * deliveries into the lot and its upstream lots.
   */
  @Test
  void lineage_isEveryReachableLotAtItsLeastDepth_onRandomGraphs() {
    Random random = new Random(SEED);
    for (int round = 0; round < 40; round++) {
      String context = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + "), round " + round;
      Chain chain = new Chain();
      List<String> lots = new ArrayList<>();
      Map<String, List<String>> inputsOf = new HashMap<>();
      Map<String, Long> delivered = new HashMap<>();
      int harvests = 1 + random.nextInt(4);
      for (int h = 0; h < harvests; h++) {
        String lot = "H" + h;
        lots.add(lot);
        for (int d = random.nextInt(3); d >= 0; d--) {
          long qty = 1 + random.nextInt(1000);
          chain.add(delivery("hh-" + random.nextInt(5), lot, qty, d));
          delivered.merge(lot, qty, Long::sum);
        }
      }
      int transforms = random.nextInt(8);
      for (int t = 0; t < transforms; t++) {
        Set<String> inputs = new LinkedHashSet<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          inputs.add(lots.get(random.nextInt(lots.size())));
        }
        List<String> outputs = new ArrayList<>();
        for (int o = 1 + random.nextInt(2); o > 0; o--) {
          outputs.add("T" + t + "-" + o);
        }
        chain.add(transform(List.copyOf(inputs), outputs));
        for (String out : outputs) {
          inputsOf.put(out, List.copyOf(inputs));
        }
        lots.addAll(outputs);
      }
      String target = lots.get(random.nextInt(lots.size()));

      Provenance p = chain.build(target).orElseThrow();

      Map<String, Integer> up = leastDepths(target, inputsOf, false);
      Map<String, Integer> down = leastDepths(target, inputsOf, true);
      assertThat(p.lineage().upstream())
          .as(context + ", upstream of " + target)
          .extracting(l -> l.lotId() + "@" + l.depth())
          .containsExactlyElementsOf(ordered(up));
      assertThat(p.lineage().downstream())
          .as(context + ", downstream of " + target)
          .extracting(l -> l.lotId() + "@" + l.depth())
          .containsExactlyElementsOf(ordered(down));
      long expectedDelivered =
          delivered.entrySet().stream()
              .filter(e -> e.getKey().equals(target) || up.containsKey(e.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertThat(p.origin().deliveries().stream().mapToLong(Provenance.Delivery::quantity).sum())
          .as(context + ", delivered into " + target)
          .isEqualTo(expectedDelivered);
      assertThat(p.verification().ok()).as(context).isTrue();
    }
  }

  /**
   * Least depth of every lot linked to {@code target} (itself excluded): through the inputs of the
   * transformations that made it ({@code downstream} false) or the outputs of those that consumed
   * it, by relaxing every edge until nothing changes.
   */
  private static Map<String, Integer> leastDepths(
      String target, Map<String, List<String>> inputsOf, boolean downstream) {
    Map<String, Integer> depth = new HashMap<>(Map.of(target, 0));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<String>> made : inputsOf.entrySet()) {
        for (String input : made.getValue()) {
          String from = downstream ? input : made.getKey();
          String to = downstream ? made.getKey() : input;
          Integer d = depth.get(from);
          if (d != null && (!depth.containsKey(to) || depth.get(to) > d + 1)) {
            depth.put(to, d + 1);
            changed = true;
          }
        }
      }
    }
    depth.remove(target);
    return depth;
  }

  private static List<String> ordered(Map<String, Integer> depths) {
    return depths.entrySet().stream()
        .sorted(
            Comparator.comparing(Map.Entry<String, Integer>::getValue)
                .thenComparing(Map.Entry::getKey))
        .map(e -> e.getKey() + "@" + e.getValue())
        .toList();
  }

  private static LotTransformed transform(List<String> inputs, List<String> outputs) {
    return new LotTransformed(
        TransformProcess.GRADING,
        inputs.stream().map(l -> new LotTransformed.LotInput(LotId.of(l), Quantity.of(1))).toList(),
        outputs.stream()
            .map(
                l ->
                    new LotTransformed.LotOutput(
                        LotId.of(l), PRODUCT, Quantity.of(1), Optional.of("A")))
            .toList(),
        T0.plusSeconds(86_400L * 30));
  }

  private static SaleRecorded sale(String saleId, String lot, long quantity) {
    return new SaleRecorded(
        SaleId.of(saleId),
        Channel.LIVESTREAM,
        LotId.of(lot),
        Quantity.of(quantity),
        Fen.of(1200),
        Quantity.of(500),
        SaleFees.NONE,
        T0.plusSeconds(86_400L * 40));
  }

  /** Typed events sealed one after another by the core's writer, read back as the store does. */
  private static final class Chain {
    private static final Clock CLOCK =
        Clock.fixed(Instant.parse("2026-12-03T17:00:00Z"), ZoneOffset.UTC);
    final SealedEntry genesis =
        ChainWriter.genesis("main", HashAlg.SHA_256, "admin", JsonObject.empty(), CLOCK);
    final ChainWriter writer =
        new ChainWriter(HashAlg.SHA_256, genesis.head(), genesis.entry().ts(), CLOCK);
    final List<SealedEntry> entries = new ArrayList<>(List.of(genesis));
    final Map<Long, byte[]> stored = new HashMap<>();

    Chain add(LedgerEvent event) {
      entries.add(writer.append("coop", event.type(), event.toBody()));
      return this;
    }

    /** Replaces entry {@code seq}'s bytes and its stored hash, as a tamperer with write access. */
    void forge(long seq, byte[] canonical) {
      stored.put(seq, canonical);
    }

    byte[] bytes(long seq) {
      return stored.getOrDefault(seq, entries.get((int) seq).canonical());
    }

    ProvenanceStore.Rows rows() {
      EntryHasher hasher = new EntryHasher(HashAlg.SHA_256);
      List<ProvenanceStore.Row> rows = new ArrayList<>();
      int last = entries.size() - 1;
      for (int seq = 1; seq <= last; seq++) {
        byte[] canonical = bytes(seq);
        rows.add(
            new ProvenanceStore.Row(
                seq,
                canonical,
                hasher.hash(canonical).bytes(),
                bytes(seq - 1),
                seq == last ? null : bytes(seq + 1)));
      }
      return new ProvenanceStore.Rows(
          HashAlg.SHA_256.id(), last, writer.head().hash().bytes(), List.copyOf(rows), 0);
    }

    Optional<Provenance> build(String lot) {
      return ProvenanceBuilder.build(LotId.of(lot), PRODUCT, BASE, rows());
    }
  }
}
