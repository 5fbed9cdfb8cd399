package net.suyuan.ledger.api.append;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.event.InMemoryLedgerState;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The api's validation state ({@link StateOverlay}, seeded from projection rows) and the core's
 * {@link InMemoryLedgerState} change only through the core's one transition; this holds the two
 * stores (the overlay's undo and change tracking included) to the same answers on random valid
 * workloads.
 */
class StateOverlayAgreementTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final String COOP = "coop-a";
  private static final Instant NOW = Instant.parse("2022-03-02T00:00:00Z");

  @Test
  void overlayAndCoreState_agreeOnEveryLotSaleAndHousehold() throws Exception {
    Random random = new Random(SEED);
    Bodies b = new Bodies(Bodies.randomGtin(), "base-1");
    InMemoryLedgerState core = new InMemoryLedgerState();
    StateOverlay overlay = new StateOverlay();
    EventValidator validator = new EventValidator();
    List<String> lots = new ArrayList<>();
    List<String> sales = new ArrayList<>();
    List<String> events = new ArrayList<>(List.of(b.product(b.gtin), b.site("base-1")));
    for (int h = 0; h < 3; h++) {
      events.add(b.household("hh-" + h, COOP));
    }
    long seq = 0;
    int accepted = 0;
    for (int i = 0; i < 600; i++) {
      String json = i < events.size() ? events.get(i) : next(random, b, lots, sales, i);
      LedgerEvent event = parse(json);
      try {
        validator.validate(core, COOP, event, NOW);
      } catch (EventValidationException refused) {
        continue; // random workloads propose some invalid events; both states skip them
      }
      seq++;
      core.apply(event);
      overlay.apply(event, seq);
      accepted++;
      rememberIds(event, lots, sales);
      String context = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + "), event " + i;
      for (String lot : lots) {
        assertThat(overlay.lot(LotId.of(lot)))
            .as(context + " lot " + lot)
            .isEqualTo(core.lot(LotId.of(lot)));
      }
      for (String sale : sales) {
        assertThat(overlay.sale(SaleId.of(sale)))
            .as(context + " sale " + sale)
            .isEqualTo(core.sale(SaleId.of(sale)));
      }
      for (int h = 0; h < 3; h++) {
        HouseholdId id = HouseholdId.of("hh-" + h);
        assertThat(overlay.household(id)).as(context).isEqualTo(core.household(id));
      }
    }
    assertThat(accepted)
        .as("seed " + SEED + ": the workload must mostly be valid")
        .isGreaterThan(150);
  }

  private static String next(Random r, Bodies b, List<String> lots, List<String> sales, int i) {
    int kind = r.nextInt(10);
    if (kind < 4 || lots.isEmpty()) {
      String lot =
          lots.isEmpty() || r.nextBoolean()
              ? "H-" + r.nextInt(5)
              : lots.get(r.nextInt(lots.size()));
      return b.harvest(lot, "hh-" + r.nextInt(3), 1 + r.nextInt(5000));
    }
    String lot = lots.get(r.nextInt(lots.size()));
    if (kind < 6) {
      return b.grading(lot, 1 + r.nextInt(3000), "G-" + i, 1 + r.nextInt(2000));
    }
    if (kind < 9 || sales.isEmpty()) {
      return b.sale("S-" + i, lot, 500L * (1 + r.nextInt(4)));
    }
    return b.refund(
        "R-" + i, sales.get(r.nextInt(sales.size())), 1 + r.nextInt(500), r.nextInt(3000));
  }

  private static LedgerEvent parse(String json) throws Exception {
    JsonObject o = (JsonObject) JsonParser.parse(json);
    return EventTypes.parse(
        ((JsonString) o.get("type").orElseThrow()).value(),
        (JsonObject) o.get("body").orElseThrow());
  }

  private static void rememberIds(LedgerEvent event, List<String> lots, List<String> sales) {
    JsonObject body = event.toBody();
    body.get("lotId").ifPresent(v -> addOnce(lots, ((JsonString) v).value()));
    body.get("saleId").ifPresent(v -> addOnce(sales, ((JsonString) v).value()));
    body.get("outputs")
        .ifPresent(
            outs ->
                ((net.suyuan.ledger.core.json.JsonArray) outs)
                    .values()
                    .forEach(
                        o ->
                            addOnce(
                                lots,
                                ((JsonString) ((JsonObject) o).get("lotId").orElseThrow())
                                    .value())));
  }

  private static void addOnce(List<String> list, String id) {
    if (!list.contains(id)) {
      list.add(id);
    }
  }
}
