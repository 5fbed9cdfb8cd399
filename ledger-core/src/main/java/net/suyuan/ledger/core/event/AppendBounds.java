package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonBool;
import net.suyuan.ledger.core.json.JsonNull;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Bounds an event must meet to be <em>appended</em> (docs/events.md, "Bounds at append"), on top of
 * what {@link EventTypes#parse} requires of every entry. The rule is: nothing is appended that the
 * projections (income, provenance, PostgreSQL columns) cannot take (issue 11 defect 2).
 *
 * <ul>
 *   <li>Every integer in a body lies within ±{@link #MAX_INTEGER} (10^10), and so does a sale's
 *       gross amount. Every total a projection computes is a sum of such per-entry amounts (a
 *       sale's gross, fees, net and household shares, a refund, wage or payout, a quantity), so a
 *       total over n entries is at most n × 10^10, which fits PostgreSQL's {@code bigint} (2^63−1 ≈
 *       9.22 × 10^18) for every ledger of up to 922,337,203 entries, and stays within I-JSON's
 *       exact range (2^53−1 ≈ 9.007 × 10^15) up to 900,719 entries of the largest amount.
 *   <li>{@code occurredAt} lies in [{@link #EARLIEST}, {@link #END}): PostgreSQL and every date
 *       library take it, and the year is the one the program figures are kept by.
 *   <li>No string in a body (ids, codes, free text) contains an {@link InvisibleCharacters
 *       invisible or bidirectional control character}: such text shows consumers something else
 *       than what was recorded.
 * </ul>
 *
 * <p>These checks run only when an event is appended, never when a stored entry is read: an entry
 * appended before they existed stays valid for the verifier, the projector and the resolver.
 */
public final class AppendBounds {
  /** Largest magnitude of an integer in a body, and of a sale's gross amount: 10^10. */
  public static final long MAX_INTEGER = 10_000_000_000L;

  /** Earliest {@code occurredAt} accepted, inclusive. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** End of the {@code occurredAt} range, exclusive. */
  public static final Instant END = Instant.parse("2100-01-01T00:00:00Z");

  private AppendBounds() {}

  /**
   * @param body the body as received, for the checks of every member
   * @throws EventValidationException naming every offending field (paths as in the body)
   */
  public static void check(LedgerEvent event, JsonObject body) throws EventValidationException {
    List<FieldError> errors = new ArrayList<>();
    walk(body, "", errors);
    if (event instanceof TimedEvent timed) {
      Instant at = timed.occurredAt();
      if (at.isBefore(EARLIEST) || !at.isBefore(END)) {
        errors.add(
            new FieldError(
                "occurredAt",
                "must be from 2000-01-01T00:00:00.000Z up to (not including)"
                    + " 2100-01-01T00:00:00.000Z, got "
                    + Timestamps.format(at)));
      }
    }
    if (event instanceof SaleRecorded sale && grossExceeds(sale)) {
      errors.add(
          new FieldError(
              "unitPriceFen",
              "the gross amount quantity / pricePer × unitPriceFen exceeds "
                  + MAX_INTEGER
                  + " fen"));
    }
    if (!errors.isEmpty()) {
      throw new EventValidationException(errors);
    }
  }

  private static boolean grossExceeds(SaleRecorded sale) {
    long units = sale.quantity().value() / sale.pricePer().value();
    long price = sale.unitPriceFen().value();
    return price != 0 && units > MAX_INTEGER / price; // units × price > MAX, without overflow
  }

  private static void walk(JsonValue value, String path, List<FieldError> errors) {
    switch (value) {
      case JsonObject object -> {
        for (Map.Entry<String, JsonValue> m : object.members().entrySet()) {
          walk(m.getValue(), path.isEmpty() ? m.getKey() : path + "." + m.getKey(), errors);
        }
      }
      case JsonArray array -> {
        for (int i = 0; i < array.size(); i++) {
          walk(array.get(i), path + "[" + i + "]", errors);
        }
      }
      case JsonNumber number -> {
        double n = number.value();
        if (n > MAX_INTEGER || n < -MAX_INTEGER) {
          errors.add(
              new FieldError(path, "must be within ±" + MAX_INTEGER + " (10^10), got " + number));
        }
      }
      case JsonString string -> {
        int at = InvisibleCharacters.indexIn(string.value());
        if (at >= 0) {
          errors.add(
              new FieldError(
                  path,
                  "contains the invisible or bidirectional control character "
                      + InvisibleCharacters.describe(string.value().codePointAt(at))
                      + " at index "
                      + at));
        }
      }
      case JsonBool b -> {}
      case JsonNull n -> {}
    }
  }
}
