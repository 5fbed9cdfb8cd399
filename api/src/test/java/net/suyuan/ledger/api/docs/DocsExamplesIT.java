package net.suyuan.ledger.api.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.suyuan.ledger.api.demo.DemoScenario;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.core.id.Gtin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The docs cannot drift from the code: every shell block of README.md and docs/*.md is run for real
 * against the running server, loaded with the demo by the documented {@code java -jar api.jar demo}
 * command itself (so this runs after packaging, as an IT). Blocks that are not commands carry a
 * fence info string ({@code json}, {@code text}, ...) or a {@code <!-- not-run: reason -->} marker
 * (rules: {@link MarkdownBlocks}); {@code console} blocks also show output, which must match.
 * Identifiers in prose are checked too: every GTIN has a valid check digit, and what docs/demo.md
 * names as demo data exists in the demo.
 */
@LedgerApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsExamplesIT {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Pattern LOADS_DEMO = Pattern.compile("\\.jar demo ");
  private static final Pattern COMMAND =
      Pattern.compile("^(\\$ |curl |java |\\./mvnw |zbarimg |bash |rsvg-convert |python3 )");
  private static final Pattern GTIN = Pattern.compile("(?<![0-9A-Za-z])[0-9]{14}(?![0-9A-Za-z])");
  private static final Pattern DEMO_LOT = Pattern.compile("`([A-Z]{2}[0-9]{2}-[A-Z0-9]+)`");
  private static final Pattern DEMO_ORG = Pattern.compile("`(so-[a-z]+)`");
  private static final List<String> MODULES =
      List.of("ledger-core", "qr-tools", "api", "bench", "tools");

  @LocalServerPort int port;
  @Autowired WebTestClient http;
  @TempDir static Path temp;

  private final Map<Path, DocShell> shells = new HashMap<>();

  static List<MarkdownBlocks> docs() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<MarkdownBlocks> parsed = new ArrayList<>();
    for (Path f : files) {
      parsed.add(MarkdownBlocks.read(f));
    }
    return parsed;
  }

  static List<MarkdownBlocks.Block> runnable() throws IOException {
    return docs().stream()
        .flatMap(d -> d.blocks().stream())
        .filter(b -> b.shell() && b.notRun() == null)
        .toList();
  }

  /** One working directory per document: its blocks build on each other, as for a reader. */
  private DocShell shell(Path doc) {
    return shells.computeIfAbsent(
        doc,
        d -> {
          try {
            Path dir = Files.createDirectories(temp.resolve(d.getFileName().toString()));
            for (String module : MODULES) {
              Files.createSymbolicLink(dir.resolve(module), ROOT.resolve(module));
            }
            String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
            return new DocShell(
                dir,
                "http://127.0.0.1:" + port,
                Map.of(
                    "LEDGER_ADMIN_KEY",
                    LedgerApiTest.ADMIN_KEY,
                    "PATH",
                    javaBin + ":" + System.getenv("PATH")));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private void runAndCheck(MarkdownBlocks.Block block) throws Exception {
    List<DocShell.Step> steps = DocShell.steps(block);
    String script = DocShell.script(steps);
    DocShell.Result result = shell(block.file()).run(script);
    List<String> out = result.stdout();
    assertThat(result.exit())
        .as(
            "%s exited %d\n--- script\n%s\n--- stderr\n%s\n--- stdout (tail)\n%s",
            block.where(),
            result.exit(),
            script,
            result.stderr(),
            String.join("\n", out.subList(Math.max(0, out.size() - 20), out.size())))
        .isZero();
    if (!block.console()) {
      return;
    }
    List<List<String>> outputs = DocShell.outputs(out);
    assertThat(outputs).as("%s: output of each command", block.where()).hasSameSizeAs(steps);
    for (int s = 0; s < steps.size(); s++) {
      List<Pattern> expected = steps.get(s).output();
      List<String> actual = outputs.get(s);
      String what = block.where() + " output of: " + steps.get(s).command();
      assertThat(actual).as(what).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as(what + ", line " + (i + 1)).matches(expected.get(i));
      }
    }
  }

  @BeforeAll
  void loadTheDemoWithTheDocumentedCommand() throws Exception {
    List<MarkdownBlocks.Block> loaders =
        runnable().stream()
            .filter(b -> LOADS_DEMO.matcher(String.join("\n", b.text())).find())
            .toList();
    assertThat(loaders).as("the one runnable block that loads the demo").hasSize(1);
    runAndCheck(loaders.get(0));
    // Income figures (and the products and households they know) follow the projector: wait until
    // it has every demo entry, as a reader who waits for readiness would (docs/api.md).
    long last = new DemoScenario().eventCount();
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> projectedUpTo() >= last);
  }

  private long projectedUpTo() {
    Map<?, ?> premium =
        http.get()
            .uri("/api/v1/products/" + DemoScenario.GINGER + "/premium?year=2022")
            .exchange()
            .returnResult(Map.class)
            .getResponseBody()
            .blockFirst();
    return premium == null || premium.get("asOfSeq") == null
        ? -1
        : ((Number) premium.get("asOfSeq")).longValue();
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedCommand_succeedsAgainstTheDemo() throws IOException {
    return runnable().stream()
        .filter(b -> !LOADS_DEMO.matcher(String.join("\n", b.text())).find())
        .map(b -> DynamicTest.dynamicTest(b.where(), () -> runAndCheck(b)));
  }

  @Test
  void everyBlockThatLooksLikeACommand_isRunOrMarkedNotRun() throws IOException {
    List<String> unmarked = new ArrayList<>();
    for (MarkdownBlocks doc : docs()) {
      for (MarkdownBlocks.Block b : doc.blocks()) {
        if (!b.shell() && b.text().stream().anyMatch(l -> COMMAND.matcher(l).find())) {
          unmarked.add(b.where() + " (```" + b.info() + ")");
        }
      }
    }
    assertThat(unmarked)
        .as("commands in non-shell blocks: use a shell fence, or mark <!-- not-run: reason -->")
        .isEmpty();
  }

  @Test
  void everyGtinInTheDocs_hasAValidCheckDigit() throws IOException {
    List<String> invalid = new ArrayList<>();
    int checked = 0;
    for (MarkdownBlocks doc : docs()) {
      List<String> lines = Files.readAllLines(doc.file());
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = GTIN.matcher(lines.get(i));
        while (m.find()) {
          checked++;
          try {
            Gtin.of(m.group());
          } catch (IllegalArgumentException e) {
            invalid.add(
                doc.file().getFileName() + ":" + (i + 1) + " " + m.group() + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(invalid).as("GTINs with a wrong check digit").isEmpty();
    assertThat(checked).as("GTINs found in the docs").isGreaterThan(10);
  }

  @Test
  void whatDemoMdNamesAsDemoData_existsInTheDemo() throws IOException {
    String demo = Files.readString(ROOT.resolve("docs/demo.md"));
    List<String> uris = new ArrayList<>();
    all(GTIN, demo, 0).forEach(gtin -> uris.add("/api/v1/products/" + gtin + "/premium?year=2022"));
    all(DEMO_LOT, demo, 1).forEach(lot -> uris.add("/api/v1/lots/" + lot));
    all(DEMO_ORG, demo, 1)
        .forEach(org -> uris.add("/api/v1/programs/" + org + "/summary?year=2022"));
    List<String> missing = new ArrayList<>();
    for (String uri : uris) {
      HttpStatusCode status = http.get().uri(uri).exchange().returnResult(String.class).getStatus();
      if (!status.is2xxSuccessful()) {
        missing.add(uri + " -> " + status);
      }
    }
    assertThat(missing).as("docs/demo.md names these, the demo does not have them").isEmpty();
    // Guards the patterns themselves: a rewording must not silently check nothing.
    assertThat(uris)
        .contains(
            "/api/v1/products/06900001000013/premium?year=2022",
            "/api/v1/lots/LZ22-P",
            "/api/v1/programs/so-fengjie/summary?year=2022");
  }

  private static TreeSet<String> all(Pattern p, String text, int group) {
    TreeSet<String> values = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      values.add(m.group(group));
    }
    return values;
  }
}
