package net.suyuan.ledger.core.id;

import java.util.Optional;

/** The unit every quantity of a product is counted in. Wire names are part of the format. */
public enum BaseUnit {
  G("g"),
  ML("ml"),
  PIECE("piece");

  private final String wire;

  BaseUnit(String wire) {
    this.wire = wire;
  }

  /** The name used in event bodies. */
  public String wire() {
    return wire;
  }

  public static Optional<BaseUnit> fromWire(String wire) {
    for (BaseUnit unit : values()) {
      if (unit.wire.equals(wire)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }
}
