package net.suyuan.ledger.api.append;

import java.util.List;
import net.suyuan.ledger.core.event.FieldError;

/**
 * Why a request appended nothing. The HTTP edge ({@link AppendController}) maps the kind to a
 * status; the errors name fields as paths into the request ({@code events[3].body.quantity}).
 */
public final class AppendRejection extends RuntimeException implements GroupOutcome {
  /** What went wrong, from the client's point of view. */
  public enum Kind {
    /** Not a well-formed request or event (400). */
    MALFORMED,
    /** Well-formed, but the ledger state does not allow it (422). */
    REJECTED,
    /** The caller's role or organization may not record it (403). */
    FORBIDDEN,
    /** Idempotency-Key reused with a different request (409). */
    KEY_REUSED,
    /** Queue full or database unavailable: nothing appended, retry later (503). */
    UNAVAILABLE
  }

  private final Kind kind;
  private final List<FieldError> errors;

  public AppendRejection(Kind kind, List<FieldError> errors) {
    super(errors.isEmpty() ? kind.name() : errors.get(0).toString());
    this.kind = kind;
    this.errors = List.copyOf(errors);
  }

  public static AppendRejection of(Kind kind, String field, String message) {
    return new AppendRejection(kind, List.of(new FieldError(field, message)));
  }

  public Kind kind() {
    return kind;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
