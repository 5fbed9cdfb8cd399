package net.suyuan.ledger.core.event;

import java.util.List;

/**
 * An event body that cannot be parsed, or an event that the ledger state does not allow. Carries
 * the field-level evidence; {@link #errors()} is never empty.
 */
public final class EventValidationException extends Exception {
  private final List<FieldError> errors;

  public EventValidationException(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public EventValidationException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** The first (usually only) error. */
  public FieldError first() {
    return errors.get(0);
  }

  private static String summary(List<FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an EventValidationException needs at least one error");
    }
    StringBuilder sb = new StringBuilder();
    for (FieldError error : errors) {
      sb.append(sb.length() == 0 ? "" : "; ").append(error);
    }
    return sb.toString();
  }
}
