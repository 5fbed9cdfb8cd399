package net.suyuan.ledger.api.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** One tab of a {@link HeadlessChromium}: the few DevTools commands a page check needs. */
public final class BrowserPage implements AutoCloseable {
  private final CdpSession cdp;

  BrowserPage(CdpSession cdp) {
    this.cdp = cdp;
    cdp.send("Page.enable", Map.of());
    cdp.send("Network.enable", Map.of());
  }

  /** Lays the page out as a phone would: CSS viewport width x height, touch-sized, hi-dpi. */
  public BrowserPage emulatePhone(int width, int height, double deviceScaleFactor) {
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width", width,
            "height", height,
            "deviceScaleFactor", deviceScaleFactor,
            "mobile", true));
    return this;
  }

  /** The Accept-Language every following request sends. */
  public BrowserPage acceptLanguage(String languages) {
    cdp.send(
        "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", languages)));
    return this;
  }

  /** Navigates and waits for the load event; returns the document's HTTP status. */
  public int navigate(String url) {
    CompletableFuture<JsonNode> loaded = cdp.nextEvent("Page.loadEventFired");
    JsonNode nav = cdp.send("Page.navigate", Map.of("url", url));
    if (nav.hasNonNull("errorText")) {
      throw new AssertionError("navigating to " + url + ": " + nav.get("errorText").asString());
    }
    cdp.await(loaded, "load of " + url);
    return evaluate("performance.getEntriesByType('navigation')[0].responseStatus").asInt();
  }

  /** Evaluates a JavaScript expression and returns its value as JSON; a thrown error fails. */
  public JsonNode evaluate(String expression) {
    JsonNode r =
        cdp.send(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new AssertionError("script failed: " + r.get("exceptionDetails") + "\n" + expression);
    }
    return r.path("result").path("value");
  }

  /** A PNG of the whole document, not just the viewport, at the emulated pixel ratio. */
  public void screenshot(Path file) throws IOException {
    JsonNode size = cdp.send("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
    JsonNode shot =
        cdp.send(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    size.path("width").asDouble(),
                    "height",
                    size.path("height").asDouble(),
                    "scale",
                    1)));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
  }

  @Override
  public void close() {
    cdp.close();
  }
}
