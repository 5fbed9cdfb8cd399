package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.suyuan.ledger.core.event.EventReferences.StandardVersion;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link LedgerEvent#references()}: exactly the ids each event type's body names. */
class EventReferencesTest {

  /** Expected references, built up kind by kind; each list in body order, empty when not named. */
  private static final class Refs {
    private List<LotId> lots = List.of();
    private List<Gtin> products = List.of();
    private List<StandardVersion> standards = List.of();
    private List<BaseId> sites = List.of();
    private List<HouseholdId> households = List.of();
    private List<SaleId> sales = List.of();
    private List<RefundId> refunds = List.of();

    Refs lots(String... ids) {
      lots = Stream.of(ids).map(LotId::of).toList();
      return this;
    }

    Refs products(Gtin... ids) {
      products = List.of(ids);
      return this;
    }

    Refs standards(StandardVersion... ids) {
      standards = List.of(ids);
      return this;
    }

    Refs sites(BaseId... ids) {
      sites = List.of(ids);
      return this;
    }

    Refs households(HouseholdId... ids) {
      households = List.of(ids);
      return this;
    }

    Refs sales(String... ids) {
      sales = Stream.of(ids).map(SaleId::of).toList();
      return this;
    }

    Refs refunds(String... ids) {
      refunds = Stream.of(ids).map(RefundId::of).toList();
      return this;
    }

    EventReferences build() {
      return new EventReferences(lots, products, standards, sites, households, sales, refunds);
    }
  }

  private static Refs refs() {
    return new Refs();
  }

  private static final StandardVersion STD_1 = new StandardVersion(Samples.STD, 1);

  /** One row per event type: the sample event and every id it names, and nothing else. */
  static Stream<Arguments> everyEventType() {
    return Stream.of(
        arguments("its product", Samples.product(), refs().products(Samples.TEA)),
        arguments(
            "its version and the product it grades",
            Samples.standard(),
            refs().products(Samples.TEA).standards(STD_1)),
        arguments("its base", Samples.site(), refs().sites(Samples.BASE)),
        arguments(
            "the household, not the cooperative",
            Samples.household(),
            refs().households(Samples.HH1)),
        arguments(
            "its base and its lot",
            Samples.production(),
            refs().lots("H2022-001").sites(Samples.BASE)),
        arguments(
            "lot, product, household and base",
            Samples.delivery(),
            refs()
                .lots("H2022-001")
                .products(Samples.TEA)
                .sites(Samples.BASE)
                .households(Samples.HH1)),
        arguments(
            "inputs then outputs, and the outputs' product once",
            Samples.grading(),
            refs().lots("H2022-001", "G2022-001A", "G2022-001B").products(Samples.TEA)),
        arguments(
            "its lot and the standard version it grades by",
            Samples.inspection(),
            refs().lots("G2022-001A").standards(STD_1)),
        arguments(
            "its sale and the lot it draws on",
            Samples.sale(),
            refs().lots("G2022-001A").sales("S-0001")),
        arguments(
            "its refund and sale, not the sale's lot",
            Samples.refund(),
            refs().sales("S-0001").refunds("R-0001")),
        arguments(
            "household and base",
            Samples.wage(),
            refs().sites(Samples.BASE).households(Samples.HH1)),
        arguments("its household", Samples.payout(), refs().households(Samples.HH1)));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("everyEventType")
  void eachEventType_namesExactlyTheIdsOfItsBody(String what, LedgerEvent event, Refs expected) {
    assertThat(event.references()).as(event.type() + " names " + what).isEqualTo(expected.build());
  }

  @Test
  void everyEventType_hasARow() {
    assertThat(everyEventType().<Class<?>>map(a -> a.get()[1].getClass()).distinct())
        .containsExactlyInAnyOrderElementsOf(concreteEventTypes(LedgerEvent.class));
  }

  @Test
  void productionRecorded_withoutALot_namesOnlyItsBase() {
    ProductionRecorded withLot = Samples.production();
    ProductionRecorded noLot =
        new ProductionRecorded(
            withLot.baseId(),
            Optional.empty(),
            withLot.activity(),
            withLot.detail(),
            withLot.input(),
            withLot.occurredAt());
    assertThat(noLot.references()).isEqualTo(refs().sites(Samples.BASE).build());
  }

  @Test
  void lotTransformed_ofSeveralProducts_namesEachOutputsProduct_inOrder() {
    LotTransformed packing =
        new LotTransformed(
            TransformProcess.PACKING,
            List.of(
                new LotInput(LotId.of("A"), Quantity.of(10)),
                new LotInput(LotId.of("B"), Quantity.of(10))),
            List.of(
                new LotOutput(LotId.of("P1"), Samples.TEA_BOX, Quantity.of(5), Optional.empty()),
                new LotOutput(LotId.of("P2"), Samples.OIL, Quantity.of(5), Optional.empty())),
            Samples.at(3));
    assertThat(packing.references())
        .isEqualTo(
            refs().lots("A", "B", "P1", "P2").products(Samples.TEA_BOX, Samples.OIL).build());
  }

  @Test
  void standardIds_areTheIdsOfTheVersions_eachOnce() {
    EventReferences r =
        refs()
            .standards(
                new StandardVersion(StandardId.of("S-1"), 1),
                new StandardVersion(StandardId.of("S-2"), 1),
                new StandardVersion(StandardId.of("S-1"), 2))
            .build();
    assertThat(r.standardIds()).containsExactly(StandardId.of("S-1"), StandardId.of("S-2"));
  }

  @Test
  void theSamplesAboveCoverEveryEventType() {
    Set<Class<?>> sampled =
        Samples.all().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(concreteEventTypes(LedgerEvent.class));
    assertThat(sampled).hasSize(12);
  }

  /** The records of the sealed hierarchy under {@code type}. */
  static List<Class<?>> concreteEventTypes(Class<?> type) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (sub.isSealed()) {
        out.addAll(concreteEventTypes(sub));
      } else {
        out.add(sub);
      }
    }
    return out;
  }
}
