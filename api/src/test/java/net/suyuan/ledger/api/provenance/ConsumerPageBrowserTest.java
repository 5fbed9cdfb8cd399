package net.suyuan.ledger.api.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import net.suyuan.ledger.api.support.BrowserPage;
import net.suyuan.ledger.api.support.HeadlessChromium;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.api.support.LedgerFixture;
import net.suyuan.ledger.api.support.OwnDatabase;
import net.suyuan.ledger.api.support.TestJdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The consumer page in a real headless Chromium at phone size (360 x 780 CSS px, 2x, mobile), as a
 * shopper who scans the QR code sees it: it renders the product and the verdict, nothing is wider
 * than the screen, and no visible text is under 12 CSS px. Full-page screenshots land in {@code
 * api/target/consumer-page-*.png}. Needs Chromium (see {@link HeadlessChromium}); never skips.
 */
@LedgerApiTest
@OwnDatabase
@TestPropertySource(properties = "ledger.resolver.cache-ttl=0s")
class ConsumerPageBrowserTest {
  static final int PHONE_WIDTH = 360;
  static final int PHONE_HEIGHT = 780;
  static final double MIN_FONT_PX = 12;

  /**
   * Opens every {@code <details>} so its content is laid out too, then collects elements whose box
   * leaves the phone's width and elements whose own visible text is smaller than the minimum. The
   * width is the emulated one, not {@code window.innerWidth}: a mobile browser zooms out to fit
   * content that is too wide, and {@code innerWidth} grows with it.
   */
  static final String LAYOUT_CHECK =
      """
      (() => {
        document.querySelectorAll('details').forEach(d => d.open = true);
        const vw = %d;
        const name = el => el.tagName.toLowerCase()
            + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '')
            + ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
        const wide = [];
        for (const el of document.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.left < -0.5 || r.right > vw + 0.5) {
            wide.push(name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
          }
        }
        const small = new Set();
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let t = walk.nextNode(); t; t = walk.nextNode()) {
          const el = t.parentElement;
          if (!el || !t.textContent.trim() || el.getClientRects().length === 0) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < %s) small.add(name(el) + ' at ' + px + 'px');
        }
        return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                wide: wide, small: [...small]};
      })()
      """
          .formatted(PHONE_WIDTH, MIN_FONT_PX);

  static HeadlessChromium chromium;

  @Autowired WebTestClient http;
  @Autowired Environment env;
  @LocalServerPort int port;
  LineageScenario s;
  BrowserPage page;

  @BeforeAll
  static void startChromium() throws Exception {
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void lineageAndPhone() throws Exception {
    s = new LineageScenario(http).write();
    page = chromium.newPage().emulatePhone(PHONE_WIDTH, PHONE_HEIGHT, 2);
  }

  @AfterEach
  void closePage() {
    if (page != null) {
      page.close();
    }
  }

  private String url(String lot) {
    return "http://127.0.0.1:" + port + "/01/" + s.gtin + "/10/" + s.lot(lot);
  }

  private String text(String selector) {
    JsonNode v =
        page.evaluate(
            "(() => { const e = document.querySelector('"
                + selector
                + "'); return e ? e.innerText : ''; })()");
    return v.asString("");
  }

  /** Fails naming every element that is too wide or too small, with the screenshot's path. */
  private void assertFitsThePhone(Path screenshot) {
    JsonNode r = page.evaluate(LAYOUT_CHECK);
    String where = " (see " + screenshot.toAbsolutePath() + ")" + chromium.diagnostics();
    assertThat(strings(r.path("wide"))).as("elements wider than the phone" + where).isEmpty();
    assertThat(r.path("scrollWidth").asInt())
        .as("document scroll width" + where)
        .isLessThanOrEqualTo(PHONE_WIDTH);
    assertThat(r.path("innerWidth").asInt())
        .as("window.innerWidth (a zoomed-out page overflows)" + where)
        .isEqualTo(PHONE_WIDTH);
    assertThat(strings(r.path("small")))
        .as("visible text under " + MIN_FONT_PX + " CSS px" + where)
        .isEmpty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void chinesePage_rendersVerifiedAndFitsAPhone() throws Exception {
    page.acceptLanguage("zh-CN,zh;q=0.9");
    assertThat(page.navigate(url("P1"))).isEqualTo(200);
    assertThat(page.evaluate("document.documentElement.lang").asString()).isEqualTo("zh-CN");
    assertThat(text("h1")).contains("六枝小黄姜");
    assertThat(text("#verification.ok")).contains("记录已验证");
    assertThat(text("body")).contains("东坡基地", "六枝小黄姜团体标准");
    Path shot = Path.of("target", "consumer-page-zh.png");
    page.screenshot(shot);
    assertFitsThePhone(shot);
  }

  @Test
  void englishPage_rendersVerifiedAndFitsAPhone() throws Exception {
    page.acceptLanguage("en");
    assertThat(page.navigate(url("P1"))).isEqualTo(200);
    assertThat(page.evaluate("document.documentElement.lang").asString()).isEqualTo("en");
    assertThat(text("h1")).contains("六枝小黄姜");
    assertThat(text("#verification.ok")).contains("Records verified");
    Path shot = Path.of("target", "consumer-page-en.png");
    page.screenshot(shot);
    assertFitsThePhone(shot);
  }

  @Test
  void tamperedPage_showsTheAlertBannerAndStillFits() throws Exception {
    // Same tampering as ResolverTest: inflate household a's delivery and re-hash that entry alone.
    try (Connection c = TestJdbc.connect(env)) {
      LedgerFixture.tamper(
          c,
          "UPDATE entry SET canonical = convert_to(replace(convert_from(canonical, 'UTF8'),"
              + " '\"quantity\":6000', '\"quantity\":9000'), 'UTF8'),"
              + " hash = sha256('\\x00'::bytea || convert_to(replace(convert_from(canonical, 'UTF8'),"
              + " '\"quantity\":6000', '\"quantity\":9000'), 'UTF8'))"
              + " WHERE ledger_id = 'main' AND convert_from(canonical, 'UTF8') LIKE '%"
              + s.hh("a")
              + "%\"quantity\":6000%'");
    }
    page.acceptLanguage("zh-CN");
    assertThat(page.navigate(url("P1"))).isEqualTo(200);
    assertThat(text("#verification.bad[role=alert]")).contains("验证失败");
    assertThat(text("#verification")).doesNotContain("记录已验证");
    assertThat(text("li.card.bad")).contains("验证失败", s.hh("a"));
    Path shot = Path.of("target", "consumer-page-tampered-zh.png");
    page.screenshot(shot);
    assertFitsThePhone(shot);
  }

  /** Guards against a vacuous check: a planted wide box and tiny text must both be reported. */
  @Test
  void layoutCheck_reportsAPlantedWideBoxAndTinyText() {
    page.acceptLanguage("zh-CN");
    assertThat(page.navigate(url("P1"))).isEqualTo(200);
    // Planted through the CSSOM: the page's CSP refuses style attributes in markup.
    page.evaluate(
        "(() => { const m = document.querySelector('main');"
            + " const d = document.createElement('div'); d.className = 'planted';"
            + " d.textContent = 'wide'; d.style.width = '500px'; m.append(d);"
            + " const p = document.createElement('p'); p.className = 'planted';"
            + " p.textContent = 'tiny'; p.style.fontSize = '10px'; m.append(p); })()");
    JsonNode r = page.evaluate(LAYOUT_CHECK);
    assertThat(strings(r.path("wide"))).anyMatch(o -> o.startsWith("div.planted \"wide\""));
    assertThat(strings(r.path("small"))).containsExactly("p.planted \"tiny\" at 10px");
    assertThat(r.path("scrollWidth").asInt()).isGreaterThan(PHONE_WIDTH);
    assertThat(r.path("innerWidth").asInt()).isGreaterThan(PHONE_WIDTH);
  }
}
