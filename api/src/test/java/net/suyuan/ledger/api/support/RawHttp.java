package net.suyuan.ledger.api.support;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * One HTTP/1.1 connection over a plain socket: it sends exactly the bytes it is given (a client
 * library would re-encode a bad {@code %}-escape or refuse an over-long header) and reads exactly
 * one response per request, so a test sees what the server does with a kept-alive connection. Every
 * read is bounded by {@code timeoutMillis}; a response that does not come fails the test naming the
 * request, instead of hanging it.
 */
public final class RawHttp implements AutoCloseable {

  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  /** A response: status, headers (names lower-cased), body. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, UTF_8);
    }
  }

  public RawHttp(int port, int timeoutMillis) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(timeoutMillis);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET target} with the given extra header lines (each without CRLF). */
  public Response get(String target, String... headerLines) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String h : headerLines) {
      request.append(h).append("\r\n");
    }
    return exchange(request.append("\r\n").toString().getBytes(UTF_8), "GET " + target);
  }

  /** Sends raw request bytes and reads one response; {@code what} names the request on failure. */
  public Response exchange(byte[] request, String what) {
    try {
      out.write(request);
      out.flush();
      return read(what);
    } catch (SocketTimeoutException e) {
      throw new AssertionFailedError(
          "no response to " + what + " within " + timeout() + " ms on a kept-alive connection", e);
    } catch (IOException e) {
      throw new UncheckedIOException("connection failed during " + what, e);
    }
  }

  private int timeout() {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      return -1;
    }
  }

  private Response read(String what) throws IOException {
    String statusLine = line();
    if (statusLine == null) {
      throw new AssertionFailedError("connection closed without a response to " + what);
    }
    String[] parts = statusLine.split(" ", 3);
    int status = Integer.parseInt(parts[1]);
    Map<String, String> headers = new TreeMap<>();
    for (String l = line(); l != null && !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.merge(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          l.substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked();
    } else if ("close".equalsIgnoreCase(headers.get("connection"))) {
      body = in.readNBytes(MAX_BODY);
    } else {
      body = new byte[0];
    }
    return new Response(status, headers, body);
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int size = chunkSize(); size > 0; size = chunkSize()) {
      body.write(in.readNBytes(size));
      line();
    }
    for (String l = line(); l != null && !l.isEmpty(); l = line()) {
      // trailer fields: none expected, skipped
    }
    return body.toByteArray();
  }

  private int chunkSize() throws IOException {
    String l = line();
    int semicolon = l.indexOf(';');
    return Integer.parseInt((semicolon < 0 ? l : l.substring(0, semicolon)).trim(), 16);
  }

  /** One CRLF-terminated line without its terminator; null at end of stream. */
  private String line() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = buf.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, ISO_8859_1);
      }
      buf.write(b);
    }
    return buf.size() == 0 ? null : buf.toString(ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing a test connection: nothing to do
    }
  }
}
