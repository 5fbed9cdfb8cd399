package net.suyuan.ledger.api.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a markdown file, with the marker that may exempt one from being run.
 *
 * <p>The rule the docs follow (README.md, "Test"; run by {@link DocsExamplesIT}): a block whose
 * fence has no info string, or {@code sh}, {@code bash}, {@code shell} or {@code console}, is a
 * shell block and is run, unless the line before its fence (blank lines aside) is {@code <!--
 * not-run: reason -->}. Any other info string ({@code json}, {@code text}, {@code sql}, ...) says
 * the block is not a command. So a command added without thought is run by default.
 */
record MarkdownBlocks(Path file, List<Block> blocks) {

  static final Set<String> SHELL = Set.of("", "sh", "bash", "shell", "console");
  private static final Pattern NOT_RUN = Pattern.compile("^<!-- not-run: (\\S.*\\S) -->$");

  /**
   * One fenced block.
   *
   * @param line 1-based line of the opening fence
   * @param info the fence's info string, trimmed
   * @param notRun the reason given by a {@code not-run} marker, or null
   * @param text the lines between the fences
   */
  record Block(Path file, int line, String info, String notRun, List<String> text) {

    boolean shell() {
      return SHELL.contains(info);
    }

    boolean console() {
      return info.equals("console");
    }

    String where() {
      return file.getFileName() + ":" + line;
    }
  }

  static MarkdownBlocks read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Block> blocks = new ArrayList<>();
    String lastText = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```")) {
        if (!line.isBlank()) {
          lastText = line.trim();
        }
        continue;
      }
      int open = i;
      List<String> body = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        body.add(lines.get(i));
      }
      if (i == lines.size()) {
        throw new IllegalStateException(file + ":" + (open + 1) + ": unclosed code fence");
      }
      Matcher marker = NOT_RUN.matcher(lastText);
      blocks.add(
          new Block(
              file,
              open + 1,
              line.substring(3).trim(),
              marker.matches() ? marker.group(1) : null,
              List.copyOf(body)));
      lastText = "";
    }
    return new MarkdownBlocks(file, List.copyOf(blocks));
  }
}
