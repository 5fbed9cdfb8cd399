package net.suyuan.ledger.api.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK. It never
 * skips: a missing or broken browser fails the test with what went wrong. {@link #close} kills the
 * whole process tree (the renderer and GPU helpers too) and deletes the throwaway profile.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** Where {@code tools/test-deps.sh} installs it; {@code LEDGER_CHROMIUM} points elsewhere. */
  static final String BINARY = System.getenv().getOrDefault("LEDGER_CHROMIUM", "/usr/bin/chromium");

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String LISTENING = "DevTools listening on ";

  private final Process process;
  private final Path profile;
  private final Thread shutdownHook;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private URI debugger;

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
    this.shutdownHook = new Thread(this::kill, "chromium-killer");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts the browser and waits for its DevTools endpoint. */
  public static HeadlessChromium start() throws IOException {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new AssertionError(
          "Chromium is required for the browser test but "
              + BINARY
              + " is missing or not executable. Install it"
              + " (the build does: tools/test-deps.sh installs it as root with apt-get)"
              + " or set LEDGER_CHROMIUM to its path.");
    }
    Path profile = Files.createTempDirectory("ledger-chromium-");
    List<String> command =
        List.of(
            BINARY,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--remote-debugging-port=0",
            "--user-data-dir=" + profile,
            "about:blank");
    Process process =
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    HeadlessChromium chromium = new HeadlessChromium(process, profile);
    try {
      chromium.awaitDevTools();
      return chromium;
    } catch (RuntimeException | Error e) {
      chromium.close();
      throw e;
    }
  }

  /** Reads stderr until the endpoint line, and keeps draining it so the pipe never fills. */
  private void awaitDevTools() {
    CompletableFuture<URI> endpoint = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                  remember(line);
                  int at = line.indexOf(LISTENING);
                  if (at >= 0) {
                    endpoint.complete(URI.create(line.substring(at + LISTENING.length()).trim()));
                  }
                }
              } catch (IOException ignored) {
                // The process went away; the exit is reported below.
              }
              endpoint.completeExceptionally(
                  new IllegalStateException("Chromium exited before DevTools listened"));
            },
            "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      URI ws = endpoint.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      debugger = URI.create("http://" + ws.getAuthority());
    } catch (TimeoutException e) {
      throw new AssertionError("Chromium did not open DevTools within " + TIMEOUT + diagnostics());
    } catch (Exception e) {
      throw new AssertionError("Chromium failed to start: " + e + diagnostics());
    }
  }

  private synchronized void remember(String line) {
    stderrTail.addLast(line);
    if (stderrTail.size() > 40) {
      stderrTail.removeFirst();
    }
  }

  /** The last lines Chromium wrote, for failure messages. */
  public synchronized String diagnostics() {
    return "\nChromium stderr (last lines):\n  " + String.join("\n  ", stderrTail);
  }

  /** Opens a new blank tab ({@code PUT /json/new}) and connects to it. */
  public BrowserPage newPage() throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(debugger.resolve("/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 200) {
      throw new AssertionError("PUT /json/new: " + created.statusCode() + " " + created.body());
    }
    String ws = CdpSession.JSON.readTree(created.body()).path("webSocketDebuggerUrl").asString();
    return new BrowserPage(CdpSession.connect(http, URI.create(ws), TIMEOUT));
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or has run: nothing left to do.
    }
  }

  private void kill() {
    // Snapshot the tree first: once the parent dies its helpers are re-parented out of reach.
    List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
    tree.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteProfile();
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(HeadlessChromium::deleteQuietly);
    } catch (IOException | UncheckedIOException ignored) {
      // A helper may still be writing to it; it is a temp dir either way.
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort.
    }
  }
}
