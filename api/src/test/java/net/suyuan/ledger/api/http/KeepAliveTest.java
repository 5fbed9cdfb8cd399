package net.suyuan.ledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

  /**
   * The route rules refuse a request before its body is read (a POST without a key): the body left
   * unread must not stall the connection. Either the server reads past it and answers the next
   * request on the same connection, or it says {@code Connection: close} and closes; it never
   * leaves the client waiting. Bodies of several sizes, up to the 1 MB limit.
   */
  @Test
  void requestsRefusedBeforeTheirBodyIsRead_leaveNoConnectionHanging() {
    RawHttp connection = new RawHttp(port, TIMEOUT_MILLIS);
    try {
      for (int size : new int[] {2, 100, 10_000, 200_000, 1_000_000}) {
        for (int i = 0; i < 5; i++) {
          byte[] body = ("[" + " ".repeat(size - 2) + "]").getBytes(StandardCharsets.US_ASCII);
          String head =
              "POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n";
          byte[] request = new byte[head.length() + body.length];
          System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
          System.arraycopy(body, 0, request, head.length(), body.length);
          RawHttp.Response refused = connection.exchange(request, "POST of " + size + " bytes");
          expect(refused, 401, "application/problem+json");
          if ("close".equalsIgnoreCase(refused.header("connection"))) {
            connection.close();
            connection = new RawHttp(port, TIMEOUT_MILLIS);
          }
          expect(connection.get("/api/v1/events?limit=1"), 200, "application/json");
        }
      }
    } finally {
      connection.close();
    }
  }

  private static void expect(RawHttp.Response response, int status, String contentType) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.header("content-type")).startsWith(contentType);
    assertThat(response.body()).isNotEmpty();
  }
}
