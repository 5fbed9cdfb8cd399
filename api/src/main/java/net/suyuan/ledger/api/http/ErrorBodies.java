package net.suyuan.ledger.api.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a body to every error response that would leave the server without one. Some errors are
 * decided before Spring sees the request: reactor-netty answers an over-long request line (414) or
 * header block (431) or a request it cannot decode (400), and Spring's adapter answers 400 to a URI
 * {@code java.net.URI} rejects (a bad {@code %}-escape, {@code { }}); all of them with an empty
 * body. Sitting between the HTTP codec and reactor-netty's request handling, this handler sees each
 * request and, in the same order, each response: an error status with empty content becomes
 * problem+json naming the part of the request at fault ({@code uri}, {@code headers}, {@code
 * request}), or the resolver's HTML error page for a browser on a {@code /01/} path. A response to
 * {@code HEAD} keeps its empty body. One instance per connection.
 */
final class ErrorBodies extends ChannelDuplexHandler {

  /** Requests whose responses have not been written yet (pipelining); bounded like the server's. */
  private static final int MAX_PENDING = 256;

  private final JsonMapper json;
  private final Limits limits;
  private final HtmlErrorPages pages;
  private final Deque<Request> pending = new ArrayDeque<>();

  /** The server's limits, named in the problem's detail. */
  record Limits(long maxInitialLineLength, long maxHeaderSize) {}

  private record Request(
      boolean head, boolean decoded, String path, String accept, String acceptLanguage) {}

  ErrorBodies(JsonMapper json, Limits limits, HtmlErrorPages pages) {
    this.json = json;
    this.limits = limits;
    this.pages = pages;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest r) {
      if (pending.size() == MAX_PENDING) {
        pending.removeFirst();
      }
      String uri = r.uri();
      int query = uri.indexOf('?');
      pending.addLast(
          new Request(
              HttpMethod.HEAD.equals(r.method()),
              r.decoderResult().isSuccess(),
              query < 0 ? uri : uri.substring(0, query),
              r.headers().get(HttpHeaderNames.ACCEPT),
              r.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE)));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response
        && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
      Request request = pending.pollFirst();
      if (msg instanceof FullHttpResponse full
          && full.status().code() >= 400
          && !full.content().isReadable()
          && (request == null || !request.head())) {
        ctx.write(withBody(full, request), promise);
        return;
      }
    }
    ctx.write(msg, promise);
  }

  private FullHttpResponse withBody(FullHttpResponse empty, Request request) {
    int status = empty.status().code();
    String[] fieldAndDetail = explain(status, request);
    byte[] body;
    String type;
    if (request != null && request.path().startsWith("/01/") && wantsHtml(request.accept())) {
      body = pages.errorPage(status, fieldAndDetail[1], request.acceptLanguage());
      type = "text/html;charset=UTF-8";
    } else {
      body = problem(status, empty.status().reasonPhrase(), fieldAndDetail);
      type = "application/problem+json";
    }
    FullHttpResponse full = empty.replace(Unpooled.wrappedBuffer(body));
    empty.release();
    full.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, type)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    SecurityHeadersFilter.EVERY_RESPONSE.forEach(full.headers()::set);
    if (request != null && request.path().startsWith("/01/")) {
      pages.headers().forEach(full.headers()::set);
    }
    return full;
  }

  /** {field or null, detail} for an error that reached no handler. */
  private String[] explain(int status, Request request) {
    return switch (status) {
      case 414 ->
          new String[] {
            "uri",
            "the request line is longer than the limit of "
                + limits.maxInitialLineLength()
                + " bytes"
          };
      case 431 ->
          new String[] {
            "headers",
            "the request header fields are larger than the limit of "
                + limits.maxHeaderSize()
                + " bytes"
          };
      case 400 ->
          request != null && request.decoded()
              ? new String[] {
                "uri",
                "the request URI is not valid: every % must start an escape of two hex digits,"
                    + " and characters such as { } | \\ ^ ` and spaces must be %-escaped"
              }
              : new String[] {"request", "malformed HTTP request"};
      default -> new String[] {null, null};
    };
  }

  private byte[] problem(int status, String title, String[] fieldAndDetail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", fieldAndDetail[1] == null ? title : fieldAndDetail[1]);
    if (fieldAndDetail[0] != null) {
      problem.put("field", fieldAndDetail[0]);
    }
    return json.writeValueAsBytes(problem);
  }

  /** As the resolver decides: a page unless the client asks for JSON (or a linkset) instead. */
  private static boolean wantsHtml(String accept) {
    if (accept == null) {
      return true;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    return a.contains("text/html") || !a.contains("json");
  }
}
