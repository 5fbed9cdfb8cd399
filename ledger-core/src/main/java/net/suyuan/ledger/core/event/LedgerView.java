package net.suyuan.ledger.core.event;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.id.StandardId;

/**
 * The ledger state that {@link EventValidator} reads: exactly what validation needs, nothing more.
 * Storage adapters implement it, with the writes of {@link LedgerState}; {@link
 * InMemoryLedgerState} is the reference implementation.
 */
public interface LedgerView {
  Optional<ProductInfo> product(Gtin gtin);

  Optional<LotInfo> lot(LotId lotId);

  Optional<StandardVersionInfo> standard(StandardId standardId, int version);

  OptionalInt latestStandardVersion(StandardId standardId);

  Optional<SaleInfo> sale(SaleId saleId);

  boolean refundExists(RefundId refundId);

  Optional<HouseholdInfo> household(HouseholdId householdId);

  boolean siteExists(BaseId baseId);

  /** A registered product: what its quantities are counted in. */
  record ProductInfo(Gtin gtin, BaseUnit baseUnit) {}

  /**
   * A lot and what it still holds, in its product's base unit.
   *
   * @param harvestLot true when created by a harvest delivery (and so open to further deliveries),
   *     false when created as the output of a transformation
   */
  record LotInfo(LotId lotId, Gtin gtin, long remaining, boolean harvestLot) {}

  /** A published standard version: the product it grades and its grades' limits. */
  record StandardVersionInfo(
      StandardId standardId, int version, Gtin gtin, List<GradeLimits> grades) {
    public StandardVersionInfo {
      grades = List.copyOf(grades);
    }

    /** The version {@code published} publishes. */
    public static StandardVersionInfo of(StandardPublished published) {
      return new StandardVersionInfo(
          published.standardId(), published.version(), published.gtin(), published.grades());
    }

    public Optional<GradeLimits> grade(String name) {
      return grades.stream().filter(g -> g.grade().equals(name)).findFirst();
    }
  }

  /**
   * A sale with the refunds recorded against it so far.
   *
   * @param fees the fees the sale was charged
   * @param feesReturned the fees its refunds returned, summed per fee; empty while no refund stated
   *     them (no refund yet, or refunds without {@code feesReturned}: docs/events.md)
   */
  record SaleInfo(
      SaleId saleId,
      LotId lotId,
      long quantity,
      long grossFen,
      long refundedQuantity,
      long refundedFen,
      SaleFees fees,
      Optional<SaleFees> feesReturned) {
    /** A sale just recorded. */
    public static SaleInfo of(SaleRecorded e) {
      return new SaleInfo(
          e.saleId(),
          e.lotId(),
          e.quantity().value(),
          e.gross().value(),
          0,
          0,
          e.fees(),
          Optional.empty());
    }

    /** This sale after {@code refund} (validated against it): the one rule for the sums. */
    public SaleInfo after(SaleRefunded refund) {
      return new SaleInfo(
          saleId,
          lotId,
          quantity,
          grossFen,
          Math.addExact(refundedQuantity, refund.quantity().value()),
          Math.addExact(refundedFen, refund.amountFen().value()),
          fees,
          refund.feesReturned().map(f -> f.plus(feesReturned.orElse(SaleFees.NONE))));
    }
  }

  /** An enrolled household and the cooperative it sells through. */
  record HouseholdInfo(HouseholdId householdId, OrgId cooperative) {}
}
