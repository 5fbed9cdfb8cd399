package net.suyuan.ledger.api.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 defect 9: errors decided before any handler runs (a URI Java cannot parse, an over-long
 * request line or header block) or after content negotiation failed (a malformed {@code Accept})
 * had no body. Sent over a plain socket, so no client library repairs the request first.
 */
@LedgerApiTest
class ErrorBodiesTest {
  private static final int TIMEOUT_MILLIS = 10_000;

  @LocalServerPort int port;

  private RawHttp.Response send(String requestLine, String... headers) {
    StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
    for (String h : headers) {
      request.append(h).append("\r\n");
    }
    try (RawHttp connection = new RawHttp(port, TIMEOUT_MILLIS)) {
      return connection.exchange(request.append("\r\n").toString().getBytes(UTF_8), requestLine);
    }
  }

  private static void assertProblem(RawHttp.Response r, int status) {
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.header("content-type")).startsWith("application/problem+json");
    assertThat(r.text()).contains("\"status\":" + status).contains("\"detail\":");
  }

  @ParameterizedTest
  @CsvSource({
    "GET /api/v1/events/%zz HTTP/1.1, 400",
    "GET /api/v1/lots/%E0%A4%A/events HTTP/1.1, 400",
    "GET /api/v1/events?limit=%zz HTTP/1.1, 400",
    "GET /api/v1/lots/{lot}/events HTTP/1.1, 400",
    "GET /01/{gtin}/10/LOT-1 HTTP/1.1, 400",
  })
  void uriJavaCannotParse_isProblemJson(String requestLine, int status) {
    RawHttp.Response r = send(requestLine, "Accept: application/json");
    assertProblem(r, status);
    assertThat(r.text()).contains("\"field\":\"uri\"");
  }

  @ParameterizedTest
  @CsvSource({"GET /01/{gtin}/10/LOT-1 HTTP/1.1", "GET /01/%zz/10/LOT-1 HTTP/1.1"})
  void badUriOnTheResolver_askedForHtml_isTheHtmlErrorPage(String requestLine) {
    RawHttp.Response r = send(requestLine, "Accept: text/html");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("content-type")).startsWith("text/html");
    assertThat(r.text()).startsWith("<!doctype html>").contains("二维码内容有误");
    assertThat(r.header("content-security-policy")).contains("frame-ancestors 'none'");
  }

  @org.junit.jupiter.api.Test
  void requestLineTooLong_is414ProblemJson() {
    RawHttp.Response r = send("GET /api/v1/events?after=" + "1".repeat(10_000) + " HTTP/1.1");
    assertProblem(r, 414);
    assertThat(r.text()).contains("\"field\":\"uri\"");
  }

  @org.junit.jupiter.api.Test
  void headersTooLarge_is431ProblemJson() {
    RawHttp.Response r = send("GET /api/v1/events HTTP/1.1", "X-Padding: " + "a".repeat(20_000));
    assertProblem(r, 431);
    assertThat(r.text()).contains("\"field\":\"headers\"");
  }

  @ParameterizedTest
  @CsvSource({
    "GET /api/v1/events?limit=0 HTTP/1.1, ///, 400",
    "GET /api/v1/events/zz HTTP/1.1, 'text/html;q=x', 400",
    "GET /no/such/endpoint HTTP/1.1, a, 404",
    "GET /api/v1/audit HTTP/1.1, text/csv, 406",
    "GET /api/v1/lots/LOT-1 HTTP/1.1, image/png, 406",
  })
  void malformedOrUnsatisfiableAccept_stillGetsAProblemBody(
      String requestLine, String accept, int status) {
    assertProblem(send(requestLine, "Accept: " + accept), status);
  }
}
