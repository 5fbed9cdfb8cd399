package net.suyuan.ledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.unit.DataSize;

/**
 * A method-security rule that answers no (Spring Security raises {@link
 * AuthorizationDeniedException}) is a 403 problem, not the catch-all's 500.
 */
class AccessDeniedProblemTest {

  @Test
  void deniedByAMethodRule_is403Problem() {
    ProblemAdvice advice = new ProblemAdvice(DataSize.ofKilobytes(256));
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/households/h1/income"));

    ResponseEntity<Object> response =
        advice
            .handleAccessDenied(
                new AuthorizationDeniedException("Access Denied", new AuthorizationDecision(false)),
                exchange)
            .block();

    assertThat(response).isNotNull();
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getBody())
        .isInstanceOfSatisfying(
            ProblemDetail.class,
            p -> {
              assertThat(p.getStatus()).isEqualTo(403);
              assertThat(p.getDetail()).isEqualTo("the caller may not do this");
            });
  }
}
