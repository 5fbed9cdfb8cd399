package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.event.LedgerView.HouseholdInfo;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.ProductInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import org.junit.jupiter.api.Test;

/**
 * {@link StateTransition}: the writes each event type makes through {@link LedgerState}, and what
 * it refuses when called without validation.
 */
class StateTransitionTest {
  private static final LotId HARVEST = LotId.of("H2022-001");
  private static final LotId GRADE_A = LotId.of("G2022-001A");

  /**
   * An in-memory state that also records the writes made to it, in order: every {@link LedgerState}
   * write takes the one value it stores, so a proxy records that argument and passes every call on.
   */
  private static final class Recording {
    final InMemoryLedgerState state = new InMemoryLedgerState();
    final List<Object> writes = new ArrayList<>();
    final LedgerState recorded =
        (LedgerState)
            Proxy.newProxyInstance(
                LedgerState.class.getClassLoader(),
                new Class<?>[] {LedgerState.class},
                (proxy, method, args) -> {
                  if (method.getDeclaringClass() == LedgerState.class) {
                    writes.add(args[0]);
                  }
                  try {
                    return method.invoke(state, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });

    /** Applies {@code event} and returns only the writes it made. */
    List<Object> apply(LedgerEvent event) {
      int before = writes.size();
      StateTransition.apply(recorded, event);
      return List.copyOf(writes.subList(before, writes.size()));
    }
  }

  private record Writes(LedgerEvent event, List<Object> expected) {}

  @Test
  void eachEventType_makesExactlyItsWrites_inOrder() {
    SaleInfo sold = SaleInfo.of(Samples.sale());
    // Applied in this order: each row's writes depend on the rows before it.
    List<Writes> table =
        List.of(
            new Writes(Samples.product(), List.of(new ProductInfo(Samples.TEA, BaseUnit.G))),
            new Writes(Samples.standard(), List.of(Samples.standard())),
            new Writes(Samples.site(), List.of(Samples.BASE)),
            new Writes(Samples.household(), List.of(new HouseholdInfo(Samples.HH1, Samples.COOP))),
            new Writes(Samples.production(), List.of()),
            new Writes(Samples.delivery(), List.of(new LotInfo(HARVEST, Samples.TEA, 12000, true))),
            new Writes(
                Samples.grading(),
                List.of(
                    new LotInfo(HARVEST, Samples.TEA, 2000, true),
                    new LotInfo(GRADE_A, Samples.TEA, 6000, false),
                    new LotInfo(LotId.of("G2022-001B"), Samples.TEA, 3500, false))),
            new Writes(Samples.inspection(), List.of()),
            new Writes(
                Samples.sale(), List.of(new LotInfo(GRADE_A, Samples.TEA, 4500, false), sold)),
            new Writes(Samples.refund(), List.of(sold.after(Samples.refund()), Samples.refund())),
            new Writes(Samples.wage(), List.of()),
            new Writes(Samples.payout(), List.of()));
    assertThat(table.stream().<Class<?>>map(w -> w.event().getClass()))
        .as("one row per event type")
        .containsExactlyInAnyOrderElementsOf(
            EventReferencesTest.concreteEventTypes(LedgerEvent.class));
    Recording s = new Recording();
    for (Writes row : table) {
      assertThat(s.apply(row.event())).as(row.event().type()).isEqualTo(row.expected());
    }
  }

  @Test
  void inMemoryState_readsBackWhatTheTransitionWrote() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    Samples.all().forEach(s::apply);
    assertThat(s.product(Samples.TEA)).contains(new ProductInfo(Samples.TEA, BaseUnit.G));
    assertThat(s.standard(Samples.STD, 1).orElseThrow().gtin()).isEqualTo(Samples.TEA);
    assertThat(s.latestStandardVersion(Samples.STD)).hasValue(1);
    assertThat(s.siteExists(Samples.BASE)).isTrue();
    assertThat(s.household(Samples.HH1)).contains(new HouseholdInfo(Samples.HH1, Samples.COOP));
    assertThat(s.lot(HARVEST)).contains(new LotInfo(HARVEST, Samples.TEA, 2000, true));
    assertThat(s.lot(GRADE_A)).contains(new LotInfo(GRADE_A, Samples.TEA, 4500, false));
    SaleInfo sale = s.sale(SaleId.of("S-0001")).orElseThrow();
    assertThat(sale.refundedQuantity()).isEqualTo(500);
    assertThat(sale.refundedFen()).isEqualTo(6800);
    assertThat(s.refundExists(RefundId.of("R-0001"))).isTrue();
  }

  @Test
  void laterDelivery_addsToTheHarvestLot() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    s.apply(Samples.delivery());
    s.apply(Samples.delivery());
    assertThat(s.lot(HARVEST).orElseThrow().remaining()).isEqualTo(24000);
  }

  @Test
  void laterStandardVersion_becomesTheLatest_earlierOneStays() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    StandardPublished v1 = Samples.standard();
    s.apply(v1);
    s.apply(new StandardPublished(v1.standardId(), 2, v1.gtin(), v1.title(), v1.grades()));
    assertThat(s.latestStandardVersion(Samples.STD)).hasValue(2);
    assertThat(s.standard(Samples.STD, 1)).isPresent();
  }

  /**
   * The overlay of the append path used {@code +} here and the in-memory state {@link
   * Math#addExact}: the one transition adds exactly, so a sum past {@code long} (only possible on a
   * state that skipped validation, which caps lots at 2^53-1) fails instead of wrapping negative.
   */
  @Test
  void deliveryOverflowingALot_throws_insteadOfWrapping() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    s.putLot(new LotInfo(HARVEST, Samples.TEA, Long.MAX_VALUE - 5, true));
    assertThatThrownBy(() -> s.apply(Samples.delivery())).isInstanceOf(ArithmeticException.class);
    assertThat(s.lot(HARVEST).orElseThrow().remaining()).isEqualTo(Long.MAX_VALUE - 5);
  }

  @Test
  void refundOverflowingTheSaleSums_throws_insteadOfWrapping() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    SaleInfo sold = SaleInfo.of(Samples.sale());
    s.putSale(
        new SaleInfo(
            sold.saleId(),
            sold.lotId(),
            sold.quantity(),
            sold.grossFen(),
            Long.MAX_VALUE,
            0,
            sold.fees(),
            Optional.empty()));
    assertThatThrownBy(() -> s.apply(Samples.refund())).isInstanceOf(ArithmeticException.class);
    assertThat(s.refundExists(RefundId.of("R-0001"))).isFalse();
  }

  @Test
  void drawingMoreThanALotHolds_isRefused_withoutValidation() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    s.putLot(new LotInfo(GRADE_A, Samples.TEA, 100, false));
    assertThatThrownBy(() -> s.apply(Samples.sale()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apply without validate: lot G2022-001A overdrawn");
    assertThat(s.lot(GRADE_A).orElseThrow().remaining()).isEqualTo(100);
    assertThat(s.sale(SaleId.of("S-0001"))).isEmpty();
  }

  @Test
  void missingLotOrSale_isRefused_withoutValidation() {
    InMemoryLedgerState s = new InMemoryLedgerState();
    assertThatThrownBy(() -> s.apply(Samples.sale()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apply without validate: G2022-001A does not exist");
    assertThatThrownBy(() -> s.apply(Samples.refund()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("apply without validate: S-0001 does not exist");
    LotTransformed grading = Samples.grading();
    assertThatThrownBy(() -> s.apply(grading))
        .hasMessage("apply without validate: H2022-001 does not exist");
  }
}
