package net.suyuan.ledger.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Chrome DevTools Protocol connection (a browser or a page target) over the JDK WebSocket:
 * commands are JSON-RPC-like messages {@code {id, method, params}} answered by {@code {id, result}}
 * or {@code {id, error}}; events carry a {@code method} and no id. Every wait has a deadline, so a
 * hung browser fails the test instead of hanging the build.
 */
public final class CdpSession implements AutoCloseable {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final WebSocket socket;
  private final Duration timeout;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
  private volatile Throwable closedBy;

  private CdpSession(HttpClient http, URI uri, Duration timeout) throws Exception {
    this.timeout = timeout;
    this.socket =
        http.newWebSocketBuilder()
            .connectTimeout(timeout)
            .buildAsync(uri, new Listener())
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  static CdpSession connect(HttpClient http, URI uri, Duration timeout) throws Exception {
    return new CdpSession(http, uri, timeout);
  }

  /** Sends a command and waits for its result; a protocol error becomes an exception. */
  public JsonNode send(String method, Map<String, ?> params) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    if (closedBy != null) {
      pending.remove(id);
      throw new IllegalStateException("DevTools connection closed before " + method, closedBy);
    }
    String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
    try {
      socket.sendText(message, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (TimeoutException e) {
      throw new IllegalStateException(method + ": no answer from Chromium within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(method + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  /**
   * Registers interest in the next event named {@code method}; call it before the command that
   * causes the event, then {@link #await} the returned future.
   */
  public CompletableFuture<JsonNode> nextEvent(String method) {
    return awaited.computeIfAbsent(method, m -> new CompletableFuture<>());
  }

  /** Waits for a future from {@link #nextEvent} within this session's timeout. */
  public JsonNode await(CompletableFuture<JsonNode> event, String what) {
    try {
      return event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + ": nothing from Chromium within " + timeout, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private void dispatch(String text) {
    JsonNode message = JSON.readTree(text);
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
      if (answer != null) {
        answer.complete(message);
      }
    } else if (message.has("method")) {
      CompletableFuture<JsonNode> waiter = awaited.remove(message.get("method").asString());
      if (waiter != null) {
        waiter.complete(message.path("params"));
      }
    }
  }

  private void fail(Throwable cause) {
    closedBy = cause;
    pending.values().forEach(f -> f.completeExceptionally(cause));
    awaited.values().forEach(f -> f.completeExceptionally(cause));
  }

  @Override
  public void close() {
    socket.abort();
  }

  /** Reassembles fragmented text frames (a full-page screenshot is several megabytes). */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          dispatch(text);
        } catch (RuntimeException e) {
          fail(e);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      fail(new IllegalStateException("DevTools socket closed: " + status + " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      fail(error);
    }
  }
}
