package net.suyuan.ledger.api.append;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.suyuan.ledger.api.append.AppendRejection.Kind;
import net.suyuan.ledger.api.append.GroupPlanner.LotRef;
import net.suyuan.ledger.api.append.GroupPlanner.Plan;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.event.FieldError;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.verify.ChainVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commit group's decisions without a server or a database: the planner over an in-memory
 * overlay and a chain writer on a fixed clock, fed requests parsed into typed events.
 */
class GroupPlannerTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final Instant NOW = Instant.parse("2022-03-02T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String COOP = "coop-a";

  private final Bodies b = new Bodies(Gtin.completing("0690123456789").value(), "base-1");
  private final EventValidator validator = new EventValidator();
  private SealedEntry genesis;
  private ChainWriter writer;
  private StateOverlay state;

  @BeforeEach
  void emptyLedger() {
    genesis = ChainWriter.genesis("main", HashAlg.SHA_256, "admin", JsonObject.empty(), CLOCK);
    writer = new ChainWriter(HashAlg.SHA_256, genesis.head(), genesis.entry().ts(), CLOCK);
    state = new StateOverlay();
  }

  @Test
  void acceptedRequests_getConsecutiveSeqs_receiptsOfTheirEntries_andTheLotsTheyMention()
      throws Exception {
    Plan plan =
        plan(
            command(COOP, null, b.product(b.gtin), b.site("base-1"), b.household("hh-1", COOP)),
            command(COOP, null, b.harvest("L1", "hh-1", 1000)),
            command(COOP, null, b.grading("L1", 400, "L1-A", 400)));

    assertThat(plan.entries()).extracting(SealedEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(plan.entries())
        .extracting(e -> e.entry().type())
        .containsExactly(
            "product.registered",
            "site.registered",
            "household.enrolled",
            "harvest.delivered",
            "lot.transformed");
    assertThat(plan.outcomes()).hasSize(3).allMatch(o -> o instanceof AppendResult);
    List<Receipt> receipts = receipts(plan);
    for (int i = 0; i < plan.entries().size(); i++) {
      SealedEntry e = plan.entries().get(i);
      assertThat(receipts.get(i))
          .isEqualTo(
              new Receipt(e.seq(), e.hash().hex(), "2022-03-02T00:00:00.000Z", e.entry().type()));
    }
    assertThat(((AppendResult) plan.outcomes().get(1)).receipts())
        .extracting(Receipt::seq)
        .containsExactly(4L);
    assertThat(plan.entryLots())
        .containsExactly(new LotRef("L1", 4), new LotRef("L1", 5), new LotRef("L1-A", 5));
    assertThat(plan.keys()).isEmpty();
    assertThat(writer.head()).isEqualTo(plan.entries().getLast().head());
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    verifier.verify(genesis.canonical());
    for (SealedEntry e : plan.entries()) {
      verifier.verify(e.canonical()); // each entry links to the one before, genesis first
    }
    assertThat(state.lot(LotId.of("L1")).orElseThrow().remaining()).isEqualTo(600);
  }

  @Test
  void refusedRequest_isDroppedWhole_andLaterRequestsDoNotSeeItsEvents() {
    Plan plan =
        plan(
            command(COOP, null, b.product(b.gtin), b.site("base-1"), b.household("hh-1", COOP)),
            // The harvest is valid alone; the sale of more than it delivered refuses both.
            command(COOP, null, b.harvest("L1", "hh-1", 1000), b.sale("S1", "L1", 5000)),
            command(COOP, null, b.sale("S2", "L1", 10)),
            command(COOP, null, b.harvest("L2", "hh-1", 300)));

    assertThat(plan.outcomes().get(0)).isInstanceOf(AppendResult.class);
    AppendRejection tooMuch = (AppendRejection) plan.outcomes().get(1);
    assertThat(tooMuch.kind()).isEqualTo(Kind.REJECTED);
    assertThat(tooMuch.errors())
        .extracting(FieldError::field)
        .allMatch(f -> f.startsWith("events[1]."));
    AppendRejection unknownLot = (AppendRejection) plan.outcomes().get(2);
    assertThat(unknownLot.kind()).isEqualTo(Kind.REJECTED);
    assertThat(((AppendResult) plan.outcomes().get(3)).receipts())
        .extracting(Receipt::seq)
        .containsExactly(4L);
    assertThat(plan.entries()).extracting(SealedEntry::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(plan.entryLots()).containsExactly(new LotRef("L2", 4));
    assertThat(state.lot(LotId.of("L1"))).isEmpty();
  }

  @Test
  void cooperative_mayNotRecordForAnotherCooperativesHousehold() {
    Plan plan =
        plan(
            command(
                "coop-b", null, b.product(b.gtin), b.site("base-1"), b.household("hh-b", "coop-b")),
            command(COOP, null, b.harvest("L1", "hh-b", 1000)));

    AppendRejection denied = (AppendRejection) plan.outcomes().get(1);
    assertThat(denied.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(denied.errors())
        .containsExactly(
            new FieldError(
                "body.householdId",
                "household hh-b is enrolled with cooperative coop-b, not coop-a"));
    assertThat(plan.entries()).hasSize(3);
  }

  @Test
  void idempotencyKey_replaysTheSameRequest_refusesAnotherBody_andHonoursStoredKeys() {
    List<Receipt> stored =
        List.of(new Receipt(1, "ab".repeat(32), "2022-03-01T00:00:00.000Z", "site.registered"));
    AppendCommand earlier = command(COOP, "k0", b.site("base-0"));
    IdempotencyRows.Key k0 = new IdempotencyRows.Key(COOP, "k0");
    Map<IdempotencyRows.Key, IdempotencyRows.Row> rows =
        Map.of(k0, new IdempotencyRows.Row(k0, earlier.request().requestHash(), stored));

    Plan plan =
        GroupPlanner.plan(
            List.of(
                command(COOP, "k1", b.product(b.gtin)),
                command(COOP, "k1", b.product(b.gtin)),
                command(COOP, "k1", b.site("base-1")),
                earlier,
                command("coop-b", "k1", b.site("base-1"))),
            rows,
            state,
            writer,
            validator,
            NOW);

    AppendResult first = (AppendResult) plan.outcomes().get(0);
    assertThat(first.replayed()).isFalse();
    assertThat(plan.outcomes().get(1)).isEqualTo(new AppendResult(first.receipts(), true));
    AppendRejection reused = (AppendRejection) plan.outcomes().get(2);
    assertThat(reused.kind()).isEqualTo(Kind.KEY_REUSED);
    assertThat(reused.errors()).extracting(FieldError::field).containsExactly("Idempotency-Key");
    assertThat(plan.outcomes().get(3)).isEqualTo(new AppendResult(stored, true));
    // Keys belong to an organization: another one's k1 is a new request.
    assertThat(((AppendResult) plan.outcomes().get(4)).replayed()).isFalse();
    assertThat(plan.entries()).extracting(SealedEntry::seq).containsExactly(1L, 2L);
    assertThat(plan.keys())
        .extracting(IdempotencyRows.Row::key)
        .containsExactly(
            new IdempotencyRows.Key(COOP, "k1"), new IdempotencyRows.Key("coop-b", "k1"));
  }

  /**
   * A group decides as the same requests would one by one: planning a random workload (some of it
   * invalid) in one group gives the outcomes and the very entry bytes of one group per request.
   */
  @Test
  void oneGroup_decidesAsOneRequestPerGroup_onRandomWorkloads() {
    Random random = new Random(SEED);
    List<AppendCommand> commands = new ArrayList<>();
    commands.add(
        command(COOP, null, b.product(b.gtin), b.site("base-1"), b.household("hh-1", COOP)));
    for (int i = 0; i < 60; i++) {
      String lot = "L" + random.nextInt(8);
      String key = random.nextInt(4) == 0 ? "k" + random.nextInt(5) : null;
      String event =
          switch (random.nextInt(3)) {
            case 0 -> b.harvest(lot, "hh-1", 1 + random.nextInt(500));
            case 1 -> b.sale("S" + i, lot, 1 + random.nextInt(300));
            default -> b.grading(lot, 1 + random.nextInt(200), lot + "-A", 1 + random.nextInt(200));
          };
      commands.add(command(COOP, key, event));
    }
    Plan together = plan(commands.toArray(AppendCommand[]::new));

    emptyLedger();
    List<GroupOutcome> outcomes = new ArrayList<>();
    List<SealedEntry> entries = new ArrayList<>();
    Map<IdempotencyRows.Key, IdempotencyRows.Row> keys = new HashMap<>();
    for (AppendCommand c : commands) {
      Plan alone = GroupPlanner.plan(List.of(c), keys, state, writer, validator, NOW);
      outcomes.addAll(alone.outcomes());
      entries.addAll(alone.entries());
      alone.keys().forEach(r -> keys.put(r.key(), r));
    }

    String seed = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + ")";
    assertThat(together.outcomes()).as(seed).hasSameSizeAs(outcomes);
    for (int i = 0; i < outcomes.size(); i++) {
      assertThat(describe(together.outcomes().get(i)))
          .as(seed + ", request " + i)
          .isEqualTo(describe(outcomes.get(i)));
    }
    assertThat(together.entries())
        .extracting(e -> e.hash().hex())
        .as(seed)
        .containsExactlyElementsOf(entries.stream().map(e -> e.hash().hex()).toList());
    assertThat(together.outcomes())
        .as(seed + ": the workload must not be all refusals")
        .filteredOn(o -> o instanceof AppendResult)
        .hasSizeGreaterThan(10);
    assertThat(together.outcomes())
        .as(seed + ": nor all accepted")
        .filteredOn(o -> o instanceof AppendRejection)
        .isNotEmpty();
  }

  private Plan plan(AppendCommand... commands) {
    return GroupPlanner.plan(List.of(commands), Map.of(), state, writer, validator, NOW);
  }

  private static AppendCommand command(String org, String key, String... events) {
    String json = events.length == 1 ? events[0] : Bodies.batch(events);
    return new AppendCommand(
        org, Role.COOPERATIVE, EventRequest.parse(json.getBytes(UTF_8), key != null), key);
  }

  private static List<Receipt> receipts(Plan plan) {
    return plan.outcomes().stream().flatMap(o -> ((AppendResult) o).receipts().stream()).toList();
  }

  private static Object describe(GroupOutcome outcome) {
    return switch (outcome) {
      case AppendResult r -> r;
      case AppendRejection r -> r.kind() + " " + r.errors();
    };
  }
}
