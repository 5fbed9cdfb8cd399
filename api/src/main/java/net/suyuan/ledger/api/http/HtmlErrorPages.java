package net.suyuan.ledger.api.http;

import java.util.Map;

/**
 * The consumer page's error page and response headers, which the HTTP edge needs for resolver
 * requests that fail before (or outside) the resolver: a URI that cannot be parsed, an exception
 * the handlers did not map. Declared here and implemented by the provenance feature, so {@code
 * http} does not depend on a feature.
 */
public interface HtmlErrorPages {

  /** Headers of every consumer page (its Content-Security-Policy among them). */
  Map<String, String> headers();

  /** The error page for {@code status}, in the language {@code acceptLanguage} prefers. */
  byte[] errorPage(int status, String detail, String acceptLanguage);
}
