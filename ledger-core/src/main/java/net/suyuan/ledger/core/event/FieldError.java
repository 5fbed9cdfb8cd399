package net.suyuan.ledger.core.event;

import java.util.Objects;

/**
 * One problem with an event body.
 *
 * @param field path into the body, e.g. {@code inputs[1].quantity}; {@code type} for the entry's
 *     type and {@code actor} for its actor
 * @param message what is wrong, with the offending and expected values where they help
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
