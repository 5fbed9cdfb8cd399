package net.suyuan.ledger.api.provenance;

import static net.suyuan.ledger.api.provenance.PageFixture.GTIN;
import static net.suyuan.ledger.api.provenance.PageFixture.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Gtin;
import org.junit.jupiter.api.Test;

/**
 * The templates as rendered (no server): hostile text from the ledger or from a scanned code comes
 * out as text, escaped once, and the one stylesheet is the one the CSP allows.
 */
class ConsumerPageRenderingTest {
  /** A lot id is GS1 character set 82, which has {@code < > " ' & /}: enough for markup. */
  static final String HOSTILE_LOT = "<script>x</script>";

  private static String page(PageFixture f, ConsumerPage.Lang lang) {
    return ConsumerPage.render(f.provenance(), lang);
  }

  @Test
  void hostileTextInIdsAndNames_isEscapedOnce_andRunsNothing() {
    PageFixture f = new PageFixture();
    f.lot = HOSTILE_LOT;
    f.productName = "<img src=x onerror=alert(1)>&amp;";
    f.entry("coop", delivery("hh-1", "a\"'<b>&", 1, 0))
        .entry(
            "coop",
            new SiteRegistered(BaseId.of("lz-base-1"), "</section><script>", "\"村'", "<县>"));
    for (ConsumerPage.Lang lang : ConsumerPage.Lang.values()) {
      String html = page(f, lang);
      assertThat(html)
          .startsWith("<!doctype html>")
          .doesNotContain("<script", "<img", "<b>", "<县>", "</section><script>")
          .contains("&lt;script&gt;x&lt;/script&gt;") // the lot id, in the header and lineage
          .contains("&lt;img src=x onerror=alert(1)&gt;&amp;amp;") // "&amp;" as typed, once
          .contains("a\"'&lt;b&gt;&amp;") // quotes are text outside attributes
          .contains("&lt;/section&gt;&lt;script&gt; · &lt;县&gt; \"村'")
          .doesNotContain("&amp;lt;", "&amp;gt;", "&amp;#"); // nothing escaped twice
      assertThat(html.split("<section", -1)).hasSize(4); // verification, origin, lineage: no more
    }
  }

  @Test
  void bidiAndInvisibleCharacters_areShownByName_neverSentRaw() {
    PageFixture f = new PageFixture();
    f.productName = "LOT-\u202E1-A\u202C";
    f.entry(
        "coop\u2066",
        new ProductRegistered(Gtin.of(GTIN), "姜\u200B\u202E<i>", BaseUnit.G, Optional.empty()));
    String html = page(f, ConsumerPage.Lang.EN);
    assertThat(html)
        .contains("LOT-[U+202E]1-A[U+202C]", "coop[U+2066]", "姜[U+200B][U+202E]&lt;i&gt;")
        .doesNotContain("\u202E", "\u202C", "\u2066", "\u200B", "<i>");
  }

  @Test
  void problemPage_escapesTheDetail_inItsLanguage() {
    String zh =
        ConsumerPage.problem(404, "no lot <b>\u202E</b> of product 1", ConsumerPage.Lang.ZH);
    assertThat(zh)
        .startsWith("<!doctype html>")
        .contains("<html lang=\"zh-CN\">", "<title>没有找到这个产品批次</title>")
        .contains("no lot &lt;b&gt;[U+202E]&lt;/b&gt; of product 1", "请核对包装上的二维码，或联系销售方。")
        .doesNotContain("<b>");
    String en = ConsumerPage.problem(400, "gtin: bad check digit", ConsumerPage.Lang.EN);
    assertThat(en)
        .contains("<html lang=\"en\">", "This code is not a valid product code")
        .contains("gtin: bad check digit", "Please check the code on the package");
  }

  @Test
  void everyPagesStylesheet_isTheOneTheCspAllows() throws Exception {
    PageFixture f = new PageFixture();
    f.entry("coop", delivery("hh-1", "LZ22-H", 1, 0));
    for (String html :
        List.of(
            page(f, ConsumerPage.Lang.ZH),
            page(f, ConsumerPage.Lang.EN),
            ConsumerPage.problem(404, "x", ConsumerPage.Lang.EN),
            ConsumerPage.problem(400, "y", ConsumerPage.Lang.ZH))) {
      assertThat(html.split("<style>", -1)).hasSize(2);
      String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
      String hash =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-256")
                      .digest(style.getBytes(StandardCharsets.UTF_8)));
      assertThat(ConsumerPageHeaders.CONTENT_SECURITY_POLICY)
          .contains("style-src 'sha256-" + hash + "'");
      assertThat(style).contains("max-width:40rem", ".bad{");
      assertThat(html).doesNotContain(" style=", "<script");
    }
  }
}
