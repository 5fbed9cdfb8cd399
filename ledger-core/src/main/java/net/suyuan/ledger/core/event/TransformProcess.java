package net.suyuan.ledger.core.event;

import java.util.Optional;

/** How lots were turned into other lots. Wire names are part of the format. */
public enum TransformProcess {
  GRADING("grading"),
  PACKING("packing"),
  MERGING("merging"),
  SPLITTING("splitting"),
  PROCESSING("processing");

  static final String WIRE_NAMES = "grading, packing, merging, splitting, processing";

  private final String wire;

  TransformProcess(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<TransformProcess> fromWire(String wire) {
    for (TransformProcess p : values()) {
      if (p.wire.equals(wire)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
