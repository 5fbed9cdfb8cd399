package net.suyuan.ledger.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import net.suyuan.ledger.api.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The consumer page (and its error pages) carries a CSP allowing exactly its one inline stylesheet,
 * by hash, and nothing else; no sniffing, no referrer, never framed.
 */
@LedgerApiTest
class ConsumerPageHeadersTest {
  @Autowired WebTestClient http;

  private EntityExchangeResult<String> page(String uri, int status) {
    return http.get()
        .uri(uri)
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .valueEquals("X-Content-Type-Options", "nosniff")
        .expectHeader()
        .valueEquals("Referrer-Policy", "no-referrer")
        .expectHeader()
        .valueEquals("X-Frame-Options", "DENY")
        .expectBody(String.class)
        .returnResult();
  }

  @Test
  void page_allowsItsOwnStyleByHash_andNothingElse() throws Exception {
    LineageScenario s = new LineageScenario(http).write();
    EntityExchangeResult<String> r = page("/01/" + s.gtin + "/10/" + s.lot("P1"), 200);
    String csp = r.getResponseHeaders().getFirst("Content-Security-Policy");
    String html = r.getResponseBody();
    String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(style.getBytes(StandardCharsets.UTF_8)));
    assertThat(csp)
        .startsWith("default-src 'none';")
        .contains("style-src 'sha256-" + hash + "'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("script-src");
    assertThat(html).doesNotContain("<script").doesNotContain(" style=\"");
  }

  @Test
  void errorPages_carryTheSameHeaders() {
    for (String uri : new String[] {"/01/06900001000013/10/NO-SUCH-LOT", "/01/123/10/X"}) {
      EntityExchangeResult<String> r = page(uri, uri.contains("NO-SUCH") ? 404 : 400);
      assertThat(r.getResponseHeaders().getFirst("Content-Security-Policy"))
          .isEqualTo(ConsumerPageHeaders.CONTENT_SECURITY_POLICY);
    }
  }
}
