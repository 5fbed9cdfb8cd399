package net.suyuan.ledger.core.id;

import java.util.Optional;

/** Where a sale happened. Wire names are part of the format. */
public enum Channel {
  PLATFORM("platform"),
  LIVESTREAM("livestream"),
  SOCIAL_GROUP("social_group"),
  OFFLINE("offline");

  private final String wire;

  Channel(String wire) {
    this.wire = wire;
  }

  /** The name used in event bodies. */
  public String wire() {
    return wire;
  }

  public static Optional<Channel> fromWire(String wire) {
    for (Channel channel : values()) {
      if (channel.wire.equals(wire)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
