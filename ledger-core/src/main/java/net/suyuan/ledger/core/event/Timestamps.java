package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Occurrence times: RFC 3339 §5.6 date-time in UTC with exactly millisecond precision, e.g. {@code
 * 2022-03-01T08:00:00.000Z}. One spelling per instant keeps bodies canonical.
 */
final class Timestamps {
  private static final Pattern SHAPE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  private Timestamps() {}

  static Instant parse(String text) {
    if (!SHAPE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must be an RFC 3339 UTC time with milliseconds like 2022-03-01T08:00:00.000Z, got '"
              + text
              + "'");
    }
    try {
      return Instant.parse(text); // ISO_INSTANT resolves strictly: no Feb 30, no hour 24
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("is not a valid date-time: '" + text + "'");
    }
  }

  static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /** Checks an instant has no sub-millisecond part and a four-digit year, so it round-trips. */
  static Instant requireMillis(String field, Instant instant) {
    FieldException.require(instant != null, field, "is missing");
    FieldException.require(
        instant.truncatedTo(ChronoUnit.MILLIS).equals(instant),
        field,
        "must have at most millisecond precision, got " + instant);
    FieldException.require(
        SHAPE.matcher(format(instant)).matches(), field, "year must be 0000-9999, got " + instant);
    return instant;
  }
}
