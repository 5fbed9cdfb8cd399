package net.suyuan.ledger.core.event;

/**
 * Thrown by event record constructors for an invalid component, naming the field relative to the
 * record. {@link BodyReader} resolves the name against the record's position in the body, so a
 * problem in the second input becomes {@code inputs[1].quantity}. Records must be self-validating
 * without a checked exception, hence unchecked (JLS §8.10.4 forbids throws on canonical
 * constructors).
 */
final class FieldException extends IllegalArgumentException {
  private final String field;
  private final String reason;
  private final boolean resolved;

  private FieldException(String field, String reason, boolean resolved) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
    this.resolved = resolved;
  }

  /** A problem with {@code field} of the record being constructed. */
  static FieldException of(String field, String reason) {
    return new FieldException(field, reason, false);
  }

  /** A problem at a full path in the body; not re-resolved by enclosing readers. */
  static FieldException at(String path, String reason) {
    return new FieldException(path, reason, true);
  }

  static void require(boolean ok, String field, String reason) {
    if (!ok) {
      throw of(field, reason);
    }
  }

  FieldException resolvedUnder(String path) {
    return resolved ? this : at(BodyReader.join(path, field), reason);
  }

  FieldError toError() {
    return new FieldError(field, reason);
  }
}
