package net.suyuan.ledger.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The response headers of every consumer page (the resolver's HTML, including its error pages), and
 * that error page for code outside this package. The page has no script, no image, no font and no
 * form; its only resource is one inline {@code <style>} block, allowed by its hash (CSP Level 3
 * §8.4) rather than by {@code 'unsafe-inline'}, so an injected style or script is refused even if
 * escaping were ever to fail.
 */
public final class ConsumerPageHeaders {

  /** Content-Security-Policy of the page: nothing but its own stylesheet; never framed. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + sha256(ConsumerPage.style())
          + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /**
   * Headers of a page, CSP included. {@code X-Frame-Options} covers browsers older than {@code
   * frame-ancestors}; {@code no-referrer}: a scanned lot's URI is not passed on to other sites.
   */
  public static final Map<String, String> ALL =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  private ConsumerPageHeaders() {}

  /**
   * The friendly error page for a resolver request that never reached the resolver (a URI that
   * cannot be parsed), in the language {@code acceptLanguage} prefers (Chinese by default).
   */
  public static byte[] errorPage(int status, String detail, String acceptLanguage) {
    return ConsumerPage.problem(status, detail, ConsumerPage.Lang.of(locales(acceptLanguage)))
        .getBytes(UTF_8);
  }

  private static List<Locale> locales(String acceptLanguage) {
    if (acceptLanguage == null) {
      return List.of();
    }
    try {
      return Locale.LanguageRange.parse(acceptLanguage).stream()
          .map(r -> Locale.forLanguageTag(r.getRange()))
          .toList();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static String sha256(String css) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JRE", e);
    }
  }
}
