package net.suyuan.ledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 defect 3: on one kept-alive connection, the request after an error sometimes got no
 * answer at all. reactor-netty up to 1.3.7 buffers a request that arrives before the previous
 * response's write has completed (which happens whenever a response is written from a thread other
 * than the connection's event loop: a database or verification thread), and after draining that
 * buffer it never asked the socket for more (reactor/reactor-netty#4361). Every answer here must
 * come on the same connection, each within a bound that fails the test naming the request.
 */
@LedgerApiTest
class KeepAliveTest {

  private static final int ROUNDS = 100;
  private static final int TIMEOUT_MILLIS = 10_000;

  @LocalServerPort int port;

  @Test
  void goodAndBadRequestsAlternating_onOneConnection_allGetTheirAnswer() {
    try (RawHttp connection = new RawHttp(port, TIMEOUT_MILLIS)) {
      for (int i = 0; i < ROUNDS; i++) {
        expect(connection.get("/api/v1/events?limit=1"), 200, "application/json");
        expect(connection.get("/api/v1/events?limit=0"), 400, "application/problem+json");
        expect(connection.get("/api/v1/events/0"), 200, "application/json");
        expect(connection.get("/api/v1/orgs"), 401, "application/problem+json");
        expect(connection.get("/api/v1/events/999999999"), 404, "application/problem+json");
        expect(connection.get("/api/v1/no-such-endpoint"), 404, "application/problem+json");
      }
    }
  }

  private static void expect(RawHttp.Response response, int status, String contentType) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("content-type")).startsWith(contentType);
    assertThat(response.body()).isNotEmpty();
  }
}
