package net.suyuan.ledger.api.provenance;

import java.util.Map;
import net.suyuan.ledger.api.http.HtmlErrorPages;
import org.springframework.stereotype.Component;

/** The consumer page's error page and headers for the HTTP edge ({@link ConsumerPageHeaders}). */
@Component
class ConsumerErrorPages implements HtmlErrorPages {

  @Override
  public Map<String, String> headers() {
    return ConsumerPageHeaders.ALL;
  }

  @Override
  public byte[] errorPage(int status, String detail, String acceptLanguage) {
    return ConsumerPageHeaders.errorPage(status, detail, acceptLanguage);
  }
}
