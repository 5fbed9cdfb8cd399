package net.suyuan.ledger.api.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors no controller advice rendered: raised in a filter (the API key lookup hitting a lost
 * database), or failing content negotiation of the error itself. Ahead of Boot's own error handler
 * (order -1, which answers in its own non-RFC JSON) they become problem+json, or the resolver's
 * HTML error page on a {@code /01/} path for a browser: a status error keeps its status, a lost
 * database is 503 with {@code Retry-After}, anything else a logged 500 without internals.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final JsonMapper json;

  private final HtmlErrorPages pages;

  ProblemExceptionHandler(JsonMapper json, HtmlErrorPages pages) {
    this.json = json;
    this.pages = pages;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(ex);
    }
    ProblemDetail problem;
    HttpHeaders extra = new HttpHeaders();
    if (ex instanceof ErrorResponse e) {
      problem = e.getBody();
      extra.addAll(e.getHeaders());
    } else if (DatabaseUnavailable.isCause(ex)) {
      problem = Problems.unavailableBody();
      extra.set(HttpHeaders.RETRY_AFTER, Integer.toString(Problems.RETRY_AFTER_SECONDS));
      log.warn("Database unavailable on {}: {}", exchange.getRequest().getPath(), ex.toString());
    } else {
      problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
      log.error("Unhandled error on {}", exchange.getRequest().getPath(), ex);
    }
    String path = exchange.getRequest().getPath().value();
    response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
    response.getHeaders().putAll(extra);
    byte[] body;
    if (path.startsWith("/01/") && wantsHtml(exchange)) {
      body =
          pages.errorPage(
              problem.getStatus(),
              problem.getDetail(),
              exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
      response
          .getHeaders()
          .setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
    } else {
      body = json.writeValueAsBytes(asMap(problem, path));
      response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  private static Map<String, Object> asMap(ProblemDetail p, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", p.getType() == null ? "about:blank" : p.getType().toString());
    HttpStatus status = HttpStatus.resolve(p.getStatus());
    m.put(
        "title", p.getTitle() != null || status == null ? p.getTitle() : status.getReasonPhrase());
    m.put("status", p.getStatus());
    m.put("detail", p.getDetail());
    m.put("instance", p.getInstance() != null ? p.getInstance().toString() : path);
    if (p.getProperties() != null) {
      m.putAll(p.getProperties());
    }
    return m;
  }

  private static boolean wantsHtml(ServerWebExchange exchange) {
    try {
      var accept = exchange.getRequest().getHeaders().getAccept();
      return accept.isEmpty()
          || accept.stream().anyMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML))
              && accept.stream().noneMatch(m -> m.getSubtype().contains("json"));
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
