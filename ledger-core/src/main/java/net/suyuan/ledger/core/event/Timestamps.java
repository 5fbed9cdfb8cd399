package net.suyuan.ledger.core.event;

import java.time.Instant;

/**
 * Occurrence times in bodies use the entry timestamp form ({@link
 * net.suyuan.ledger.core.chain.Timestamps}); this adapts it to field-level errors.
 */
final class Timestamps {
  private Timestamps() {}

  static Instant parse(String text) {
    try {
      return net.suyuan.ledger.core.chain.Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("not a valid date")) { // right shape, impossible date or time
        throw new IllegalArgumentException("is not a valid date-time: '" + text + "'");
      }
      throw new IllegalArgumentException(
          "must be an RFC 3339 UTC time with milliseconds like 2022-03-01T08:00:00.000Z, got '"
              + text
              + "'");
    }
  }

  static String format(Instant instant) {
    return net.suyuan.ledger.core.chain.Timestamps.format(instant);
  }

  /** Checks an instant has no sub-millisecond part and a four-digit year, so it round-trips. */
  static Instant requireMillis(String field, Instant instant) {
    FieldException.require(instant != null, field, "is missing");
    try {
      format(instant);
    } catch (IllegalArgumentException e) {
      throw FieldException.of(field, e.getMessage());
    }
    return instant;
  }
}
