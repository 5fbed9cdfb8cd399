package net.suyuan.ledger.api.http;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes an error raised outside any handler exactly as {@link ProblemAdvice} answers one raised in
 * a handler: the same codecs' problem+json (the same members, in the same order), {@code instance}
 * the request path, the error's headers (e.g. {@code WWW-Authenticate}). The route rules
 * (auth.AccessRules) refuse API requests before their handler runs; their 401 and 403 read as the
 * handlers' own did.
 */
@Component
public class ProblemWriter {

  private final ServerResponse.Context context;

  ProblemWriter(ServerCodecConfigurer codecs) {
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return codecs.getWriters();
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  public Mono<Void> write(ServerWebExchange exchange, ErrorResponseException error) {
    ProblemDetail body = error.getBody();
    if (body.getInstance() == null) {
      body.setInstance(URI.create(exchange.getRequest().getPath().value()));
    }
    HttpStatusCode status = error.getStatusCode();
    return ServerResponse.status(status)
        .headers(h -> h.addAll(error.getHeaders()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(body)
        .flatMap(response -> response.writeTo(exchange, context));
  }
}
