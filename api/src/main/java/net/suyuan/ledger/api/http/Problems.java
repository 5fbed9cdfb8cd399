package net.suyuan.ledger.api.http;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Factory of the RFC 9457 errors handlers raise. {@link ProblemAdvice} renders them; handlers never
 * build responses for errors themselves.
 */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException of(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  /** 401 with {@code WWW-Authenticate: Bearer} (RFC 6750 §3). */
  public static ErrorResponseException unauthorized(String detail) {
    ErrorResponseException e = of(HttpStatus.UNAUTHORIZED, detail);
    e.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ledger\"");
    return e;
  }

  public static ErrorResponseException forbidden(String detail) {
    return of(HttpStatus.FORBIDDEN, detail);
  }

  public static ErrorResponseException notFound(String detail) {
    return of(HttpStatus.NOT_FOUND, detail);
  }

  public static ErrorResponseException conflict(String detail) {
    return of(HttpStatus.CONFLICT, detail);
  }

  /** 400 naming the offending input field. */
  public static ErrorResponseException invalidField(String field, String message) {
    ProblemDetail body = badRequest(List.of(new FieldProblem(field, message)));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
  }

  /**
   * A problem of the given status naming the offending fields, like {@link #invalidField} (e.g. 422
   * for an event the ledger state does not allow, 403 naming the event type a role may not record).
   */
  public static ErrorResponseException fields(
      HttpStatus status, String title, List<FieldProblem> errors) {
    ProblemDetail body = badRequest(errors);
    body.setStatus(status.value());
    body.setTitle(title);
    return new ErrorResponseException(status, body, null);
  }

  /** Seconds a client is told to wait when the database is unavailable. */
  public static final int RETRY_AFTER_SECONDS = 1;

  /** The 503 body for a lost or unavailable database (see {@link DatabaseUnavailable}). */
  static ProblemDetail unavailableBody() {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "the ledger database is unavailable, nothing was changed; retry shortly");
    body.setTitle("Service Unavailable");
    return body;
  }

  /** 503 with {@code Retry-After} (RFC 9110 §10.2.3): nothing was done, try again later. */
  public static ErrorResponseException unavailable(String detail, int retryAfterSeconds) {
    ErrorResponseException e = of(HttpStatus.SERVICE_UNAVAILABLE, detail);
    e.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    return e;
  }

  /** A 400 body with {@code field} (the first offender) and {@code errors: [{field, message}]}. */
  static ProblemDetail badRequest(List<FieldProblem> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " invalid fields";
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    body.setTitle("Invalid request");
    if (!errors.isEmpty()) {
      body.setProperty("field", errors.get(0).field());
    }
    body.setProperty(
        "errors",
        errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return body;
  }

  /** One invalid input field. */
  public record FieldProblem(String field, String message) {}
}
