package net.suyuan.ledger.api.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a documented shell block for real with bash, as a reader would paste it, in a working
 * directory that holds the repository's modules (so {@code ledger-core/target/...jar} resolves).
 * Only the host and port change: {@code http://localhost:8080} becomes the test server. Every
 * {@code curl} fails on an HTTP error status ({@code --fail-with-body}), and the script stops at
 * the first failing command ({@code set -e -o pipefail}).
 */
final class DocShell {

  static final String DOC_BASE = "http://localhost:8080";
  private static final String END = "@@end-of-step@@";
  private static final long TIMEOUT_MINUTES = 5;
  private static final String PREAMBLE =
      """
      set -e -o pipefail
      curl() { command curl --fail-with-body --show-error --max-time 120 "$@"; }
      """;

  private final Path dir;
  private final String base;
  private final Map<String, String> env;

  DocShell(Path dir, String base, Map<String, String> env) {
    this.dir = dir;
    this.base = base;
    this.env = Map.copyOf(env);
  }

  /** What a run printed, and how it ended. */
  record Result(int exit, List<String> stdout, String stderr) {}

  /** A command of a block and the output lines the block shows for it. */
  record Step(String command, List<Pattern> output) {}

  /**
   * The steps of a block. A {@code console} block is {@code $ } commands (continued by a trailing
   * {@code \}), each followed by the output it must print, in which {@code …} stands for any text
   * (a hash, a timestamp). Any other shell block is one step that must only succeed.
   */
  static List<Step> steps(MarkdownBlocks.Block block) {
    if (!block.console()) {
      return List.of(new Step(String.join("\n", block.text()), null));
    }
    List<Step> steps = new ArrayList<>();
    StringBuilder command = null;
    List<Pattern> output = null;
    boolean continued = false;
    for (String line : block.text()) {
      if (continued || line.startsWith("$ ")) {
        if (!continued) {
          if (command != null) {
            steps.add(new Step(command.toString(), List.copyOf(output)));
          }
          command = new StringBuilder(line.substring(2));
          output = new ArrayList<>();
        } else {
          command.append('\n').append(line);
        }
        continued = line.endsWith("\\");
      } else if (command == null) {
        throw new IllegalStateException(block.where() + ": output before the first $ command");
      } else {
        output.add(pattern(line));
      }
    }
    if (command != null) {
      steps.add(new Step(command.toString(), List.copyOf(output)));
    }
    return steps;
  }

  /** The script that runs {@code steps} in one shell, with a marker line after each. */
  static String script(List<Step> steps) {
    StringBuilder script = new StringBuilder();
    for (Step step : steps) {
      script.append(step.command()).append('\n');
      if (step.output() != null) {
        // curl prints no final newline: the marker starts on a line of its own either way.
        script.append("printf '\\n%s\\n' '").append(END).append("'\n");
      }
    }
    return script.toString();
  }

  /** What each step printed, split at the markers {@link #script} adds (blank lines dropped). */
  static List<List<String>> outputs(List<String> stdout) {
    List<List<String>> outputs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : stdout) {
      if (line.equals(END)) {
        outputs.add(current);
        current = new ArrayList<>();
      } else if (!line.isEmpty()) {
        current.add(line);
      }
    }
    return outputs;
  }

  private static Pattern pattern(String line) {
    StringBuilder regex = new StringBuilder();
    for (String part : line.split("…", -1)) {
      regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  Result run(String script) throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir, "block-", ".sh");
    Files.writeString(file, PREAMBLE + script.replace(DOC_BASE, base) + "\n");
    Path out = Files.createTempFile(dir, "block-", ".out");
    Path err = Files.createTempFile(dir, "block-", ".err");
    ProcessBuilder pb =
        new ProcessBuilder("bash", file.toString())
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process process = pb.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("still running after " + TIMEOUT_MINUTES + " minutes:\n" + script);
    }
    return new Result(
        process.exitValue(),
        Files.readAllLines(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
