package net.suyuan.ledger.api.append;

import java.util.List;
import net.suyuan.ledger.api.auth.Caller;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.core.event.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/events}: one event or a batch, all or nothing (docs/api.md, "Writing
 * events"). 201 with receipts once committed; 200 + {@code Idempotent-Replayed: true} for a retry.
 * Any valid key may call it (auth.AccessRules); which event types its role may record is {@link
 * WritePolicy}'s.
 */
@RestController
public class AppendController {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final int MAX_KEY_LENGTH = 255;

  private final GroupCommitAppender appender;

  public AppendController(GroupCommitAppender appender) {
    this.appender = appender;
  }

  /** The response body: one receipt per event, in request order. */
  public record Receipts(List<Receipt> receipts) {}

  @PostMapping(
      path = "/api/v1/events",
      produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
  public Mono<ResponseEntity<Receipts>> append(
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @AuthenticationPrincipal Caller caller) {
    return Mono.defer(() -> appender.append(command(caller, body, idempotencyKey)))
        .map(
            result ->
                result.replayed()
                    ? ResponseEntity.ok()
                        .header("Idempotent-Replayed", "true")
                        .body(new Receipts(result.receipts()))
                    : ResponseEntity.status(HttpStatus.CREATED)
                        .body(new Receipts(result.receipts())))
        .onErrorMap(AppendRejection.class, AppendController::problem);
  }

  private static AppendCommand command(Caller caller, byte[] body, String idempotencyKey) {
    if (idempotencyKey != null
        && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
      throw AppendRejection.of(
          AppendRejection.Kind.MALFORMED,
          IDEMPOTENCY_KEY,
          "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    if (body == null || body.length == 0) {
      throw AppendRejection.of(
          AppendRejection.Kind.MALFORMED, EventRequest.REQUEST, "a JSON body is required");
    }
    EventRequest request = EventRequest.parse(body, idempotencyKey != null);
    for (int i = 0; i < request.events().size(); i++) {
      String denied = WritePolicy.denied(caller.role(), caller.orgId(), request.events().get(i));
      if (denied != null) {
        throw AppendRejection.of(
            AppendRejection.Kind.FORBIDDEN, request.prefix(i) + "type", denied);
      }
    }
    return new AppendCommand(caller.orgId(), caller.role(), request, idempotencyKey);
  }

  /** The one mapping of append refusals to RFC 9457 problems. */
  static ErrorResponseException problem(AppendRejection r) {
    List<Problems.FieldProblem> errors =
        r.errors().stream().map(AppendController::fieldProblem).toList();
    return switch (r.kind()) {
      case MALFORMED -> Problems.fields(HttpStatus.BAD_REQUEST, "Invalid request", errors);
      case REJECTED ->
          Problems.fields(HttpStatus.UNPROCESSABLE_CONTENT, "Event rejected by the ledger", errors);
      case FORBIDDEN -> Problems.fields(HttpStatus.FORBIDDEN, "Forbidden", errors);
      case KEY_REUSED -> Problems.fields(HttpStatus.CONFLICT, "Idempotency-Key reused", errors);
      case UNAVAILABLE -> Problems.unavailable(r.errors().get(0).message(), 1);
    };
  }

  private static Problems.FieldProblem fieldProblem(FieldError e) {
    return new Problems.FieldProblem(e.field(), e.message());
  }
}
