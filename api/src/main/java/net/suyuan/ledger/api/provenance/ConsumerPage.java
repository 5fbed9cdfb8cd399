package net.suyuan.ledger.api.provenance;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The consumer page: server-rendered HTML, no JavaScript, one narrow column that fits a phone.
 * Chinese by default, English when the browser prefers it. Households appear only by pseudonym;
 * every entry's verdict and hash is on the page, and a failed check is the first thing it says.
 *
 * <p>The markup is in JTE templates ({@code api/src/main/jte}: {@code layout.jte} with the page's
 * one stylesheet, {@code page.jte}, {@code step.jte}, {@code problem.jte}), compiled to classes at
 * build time ({@code jte-maven-plugin}, goal {@code generate}) and loaded here precompiled; every
 * {@code ${...}} is HTML-escaped by the engine ({@link ContentType#Html}), so no code here escapes
 * anything. What the page says comes from {@link ConsumerPageModel}, worded from {@link PageText}.
 * JTE's own engine rather than its Spring Boot starter: the page is rendered to bytes outside a
 * view resolver (it is cached per language with the provenance, and error handlers outside
 * WebFlux's view machinery send it too), which is all the starter would add.
 */
final class ConsumerPage {
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null,
          ContentType.Html,
          ConsumerPage.class.getClassLoader(),
          "net.suyuan.ledger.api.provenance");

  private ConsumerPage() {}

  /** Page language: English only when the client prefers it to Chinese. */
  enum Lang {
    ZH(PageText.chinese()),
    EN(PageText.english());

    private final PageText text;

    Lang(PageText text) {
      this.text = text;
    }

    static Lang of(List<Locale> preferred) {
      for (Locale l : preferred) {
        if ("zh".equals(l.getLanguage())) {
          return ZH;
        }
        if ("en".equals(l.getLanguage())) {
          return EN;
        }
      }
      return ZH;
    }

    PageText text() {
      return text;
    }

    String tag() {
      return text.tag();
    }
  }

  /** What the friendly error page says. */
  record Problem(String lang, String title, String detail, String hint) {}

  static String render(Provenance p, Lang lang) {
    return render("page.jte", Map.of("m", ConsumerPageModel.of(p, lang.text()), "t", lang.text()));
  }

  /** The friendly page for an unknown lot (404) or a malformed identifier (400). */
  static String problem(int status, String detail, Lang lang) {
    PageText t = lang.text();
    Problem problem =
        new Problem(
            t.tag(),
            t.get(status == 404 ? "problem.404" : "problem.400"),
            ConsumerPageModel.shown(detail),
            t.get("problem.hint"));
    return render("problem.jte", Map.of("p", problem));
  }

  /**
   * The text of the pages' one {@code <style>} block (the same in every page: {@code layout.jte}),
   * taken from a rendered page so that the CSP hash ({@link ConsumerPageHeaders}) is computed from
   * exactly the bytes sent.
   */
  static String style() {
    String page = problem(404, "", Lang.ZH);
    int start = page.indexOf("<style>") + "<style>".length();
    return page.substring(start, page.indexOf("</style>", start));
  }

  private static String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput(16_384);
    ENGINE.render(template, params, out);
    return out.toString();
  }
}
