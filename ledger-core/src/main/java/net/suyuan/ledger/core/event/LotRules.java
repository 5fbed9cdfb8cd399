package net.suyuan.ledger.core.event;

import static net.suyuan.ledger.core.event.EventValidator.reject;

import java.util.List;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LotTransformed.LotInput;
import net.suyuan.ledger.core.event.LotTransformed.LotOutput;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Quantity;

/** Lots: created by deliveries and transformations, never drawn below zero. */
final class LotRules {
  private LotRules() {}

  static void production(LedgerView view, ProductionRecorded e) throws EventValidationException {
    References.site(view, e.baseId(), "baseId");
    if (e.lotId().isPresent()) {
      References.lot(view, e.lotId().get(), "lotId");
    }
  }

  static void delivery(LedgerView view, HarvestDelivered e) throws EventValidationException {
    References.product(view, e.gtin(), "gtin");
    References.household(view, e.householdId(), "householdId");
    References.site(view, e.baseId(), "baseId");
    LotInfo lot = view.lot(e.lotId()).orElse(null);
    if (lot == null) {
      return; // the first delivery creates the lot
    }
    if (!lot.harvestLot()) {
      throw reject(
          "lotId", "lot " + e.lotId() + " was created by a transformation, not by deliveries");
    }
    if (!lot.gtin().equals(e.gtin())) {
      throw reject(
          "gtin", "lot " + e.lotId() + " holds product " + lot.gtin() + ", not " + e.gtin());
    }
    if (lot.remaining() > Quantity.MAX - e.quantity().value()) {
      throw reject("quantity", "lot " + e.lotId() + " would exceed 2^53-1 base units");
    }
  }

  static void transformation(LedgerView view, LotTransformed e) throws EventValidationException {
    List<LotInput> inputs = e.inputs();
    BaseUnit commonUnit = null;
    boolean oneUnit = true;
    long inputTotal = 0;
    for (int i = 0; i < inputs.size(); i++) {
      LotInput in = inputs.get(i);
      LotInfo lot = References.lot(view, in.lotId(), "inputs[" + i + "].lotId");
      requireHolds(view, lot, in.quantity(), "inputs[" + i + "].quantity", "take");
      BaseUnit unit = References.product(view, lot.gtin(), "inputs[" + i + "].lotId").baseUnit();
      oneUnit &= commonUnit == null || commonUnit == unit;
      commonUnit = unit;
      inputTotal = Math.addExact(inputTotal, in.quantity().value());
    }
    List<LotOutput> outputs = e.outputs();
    long outputTotal = 0;
    for (int i = 0; i < outputs.size(); i++) {
      LotOutput out = outputs.get(i);
      if (view.lot(out.lotId()).isPresent()) {
        throw reject("outputs[" + i + "].lotId", "lot " + out.lotId() + " already exists");
      }
      BaseUnit unit = References.product(view, out.gtin(), "outputs[" + i + "].gtin").baseUnit();
      oneUnit &= commonUnit == unit;
      outputTotal = Math.addExact(outputTotal, out.quantity().value());
    }
    if (oneUnit && outputTotal > inputTotal) {
      String u = " " + commonUnit.wire();
      throw reject(
          "outputs",
          "outputs total " + outputTotal + u + " exceeds inputs total " + inputTotal + u);
    }
  }

  /** Rejects drawing more than a lot still holds, stating what it holds. */
  static void requireHolds(LedgerView view, LotInfo lot, Quantity wanted, String field, String verb)
      throws EventValidationException {
    if (wanted.value() > lot.remaining()) {
      String u = References.unit(view, lot.gtin());
      throw reject(
          field,
          "lot "
              + lot.lotId()
              + " holds only "
              + lot.remaining()
              + u
              + ", cannot "
              + verb
              + " "
              + wanted.value()
              + u);
    }
  }
}
