package net.suyuan.ledger.core.event;

import java.util.regex.Pattern;

/** Checks for free-text and code components of event bodies. */
final class Texts {
  /** Metric names: a snake_case quantity name, optionally qualified, e.g. residue_ug_per_kg:x. */
  static final Pattern METRIC = Pattern.compile("^[a-z][a-z0-9_]{0,47}(:[A-Za-z0-9._-]{1,47})?$");

  private Texts() {}

  /** Requires 1..max Unicode code points and no control characters (which hide in UIs). */
  static String text(String field, String value, int max) {
    FieldException.require(value != null, field, "is missing");
    int length = value.codePointCount(0, value.length());
    FieldException.require(length >= 1, field, "must not be empty");
    if (length > max) {
      throw FieldException.of(field, "must be at most " + max + " characters, got " + length);
    }
    FieldException.require(
        value.codePoints().noneMatch(Character::isISOControl),
        field,
        "must not contain control characters");
    FieldException.require(
        value.strip().equals(value), field, "must not start or end with whitespace");
    return value;
  }

  static String metric(String field, String value) {
    FieldException.require(value != null, field, "is missing");
    FieldException.require(
        METRIC.matcher(value).matches(),
        field,
        "metric '" + value + "' does not match " + METRIC.pattern());
    return value;
  }

  static <T> T present(String field, T value) {
    FieldException.require(value != null, field, "is missing");
    return value;
  }
}
