package net.suyuan.ledger.api.http;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * The one place errors become HTTP responses: RFC 9457 {@code application/problem+json}. Input
 * errors name the offending field ({@code field}, and {@code errors: [{field, message}]}); client
 * input never yields a 500.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  private final String tooLarge;

  ProblemAdvice(@Value("${spring.http.codecs.max-in-memory-size:256KB}") DataSize maxInMemorySize) {
    this.tooLarge =
        "request body exceeds the limit of "
            + maxInMemorySize.toBytes()
            + " bytes (spring.http.codecs.max-in-memory-size)";
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<Problems.FieldProblem> errors = new ArrayList<>();
    ex.getFieldErrors()
        .forEach(e -> errors.add(new Problems.FieldProblem(e.getField(), e.getDefaultMessage())));
    ex.getGlobalErrors()
        .forEach(e -> errors.add(new Problems.FieldProblem("body", e.getDefaultMessage())));
    return badRequest(ex, errors, headers, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<Problems.FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            r ->
                r.getResolvableErrors()
                    .forEach(
                        e ->
                            errors.add(
                                new Problems.FieldProblem(
                                    paramName(r.getMethodParameter()), e.getDefaultMessage()))));
    return badRequest(ex, errors, headers, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    Problems.FieldProblem problem =
        JsonErrors.find(ex).map(JsonErrors::describe).orElseGet(() -> describeNonJson(ex));
    return badRequest(ex, List.of(problem), headers, exchange);
  }

  /**
   * Spring Framework 7 wraps a body over {@code spring.http.codecs.max-in-memory-size} in {@code
   * ContentTooLargeException} (a 413 ResponseStatusException); this only adds a useful detail.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(
      ResponseStatusException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
      ex.getBody().setDetail(tooLarge);
    }
    return super.handleResponseStatusException(ex, headers, status, exchange);
  }

  /** The raw codec limit error, should a path surface it unwrapped. */
  @ExceptionHandler(DataBufferLimitException.class)
  public Mono<ResponseEntity<Object>> handleTooLarge(
      DataBufferLimitException ex, ServerWebExchange exchange) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge);
    return handleExceptionInternal(ex, body, null, HttpStatus.CONTENT_TOO_LARGE, exchange);
  }

  /**
   * A method-security rule that answered no instead of failing with its own problem: 403, not the
   * 500 of an unexpected error. Today's rule ({@code auth.HouseholdAccess}) fails with its own
   * 403/404, so this is the safety net for the next one.
   */
  @ExceptionHandler(AccessDeniedException.class)
  public Mono<ResponseEntity<Object>> handleAccessDenied(
      AccessDeniedException ex, ServerWebExchange exchange) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "the caller may not do this");
    return handleExceptionInternal(ex, body, null, HttpStatus.FORBIDDEN, exchange);
  }

  /**
   * Anything unexpected: logged with its stack trace, answered without internals. A lost or
   * unavailable database is not a bug: 503 with Retry-After (nothing was changed, retry).
   */
  @ExceptionHandler(Exception.class)
  public Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
    if (DatabaseUnavailable.isCause(ex)) {
      log.warn(
          "Database unavailable on {} {}: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          ex.toString());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.RETRY_AFTER_SECONDS));
      return handleExceptionInternal(
          ex, Problems.unavailableBody(), headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }
    log.error(
        "Unhandled error on {} {}",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        ex);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    return handleExceptionInternal(ex, body, null, HttpStatus.INTERNAL_SERVER_ERROR, exchange);
  }

  private Mono<ResponseEntity<Object>> badRequest(
      Exception ex,
      List<Problems.FieldProblem> errors,
      HttpHeaders headers,
      ServerWebExchange exchange) {
    ProblemDetail body = Problems.badRequest(errors);
    return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
  }

  private static Problems.FieldProblem describeNonJson(ServerWebInputException ex) {
    MethodParameter parameter = ex.getMethodParameter();
    String field =
        parameter == null || parameter.hasParameterAnnotation(RequestBody.class)
            ? "body"
            : paramName(parameter);
    if (ex.getCause() instanceof TypeMismatchException mismatch) {
      return new Problems.FieldProblem(field, "cannot convert value '" + mismatch.getValue() + "'");
    }
    String reason = ex.getReason() == null ? "invalid input" : ex.getReason();
    return new Problems.FieldProblem(field, reason);
  }

  private static String paramName(MethodParameter parameter) {
    String name = parameter.getParameterName();
    return name == null ? "parameter" : name;
  }
}
