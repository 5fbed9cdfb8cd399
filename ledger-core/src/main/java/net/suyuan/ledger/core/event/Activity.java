package net.suyuan.ledger.core.event;

import java.util.Optional;

/** What was done at a production base. Wire names are part of the format. */
public enum Activity {
  PLANTING("planting"),
  INPUT_APPLIED("input_applied"),
  IRRIGATION("irrigation"),
  HARVEST("harvest"),
  OTHER("other");

  static final String WIRE_NAMES = "planting, input_applied, irrigation, harvest, other";

  private final String wire;

  Activity(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Activity> fromWire(String wire) {
    for (Activity a : values()) {
      if (a.wire.equals(wire)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
