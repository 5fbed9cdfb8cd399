package net.suyuan.ledger.qr.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.suyuan.ledger.qr.ExternalTools;
import net.suyuan.ledger.qr.SheetFonts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged qr-tools-<version>-cli.jar, run as a user runs it. */
class CliJarIT {
  private static final String URI = "https://id.example.cn/01/06901234500004/10/G2022-001A";

  @TempDir Path dir;

  private record Run(int exit, String stdout, String stderr) {}

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("qr-tools-.*-cli\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no qr-tools-*-cli.jar in target/"));
    }
  }

  private Run run(Path stdout, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Path out = stdout != null ? stdout : dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        stdout == null ? Files.readString(out, UTF_8) : "",
        Files.readString(err, UTF_8));
  }

  @Test
  void jar_encodesToStandardOutput_decodes_andUsesTheExitCodes() throws Exception {
    Run version = run(null, "--version");
    assertThat(version.exit()).isZero();
    assertThat(version.stdout()).startsWith("qr 0.");

    Path png = dir.resolve("lot.png");
    assertThat(run(png, "encode", URI, "--no-caption").exit()).isZero();
    assertThat(ExternalTools.zbarimg(png)).containsExactly(URI);

    Run decoded = run(null, "decode", png.toString());
    assertThat(decoded.exit()).isZero();
    assertThat(decoded.stdout()).contains(URI).contains("gtin 06901234500004  lot G2022-001A");

    Run bad = run(null, "encode", "not-a-link");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.stderr()).contains("not a GS1 Digital Link URI (uri)");

    Path pdf = dir.resolve("s.pdf");
    Run sheet =
        run(
            null,
            "sheet",
            "--base",
            "https://id.example.cn",
            "--gtin",
            "06901234500004",
            "--lot",
            "G2022-001A",
            "--count",
            "42",
            "-o",
            pdf.toString());
    assertThat(sheet.exit()).isZero();
    assertThat(sheet.stderr()).as("no PDFBox logging on stderr").isEmpty();
    // The fonts travel in the shaded jar: the sheet embeds them, whatever the machine has.
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      SheetFonts.assertAllEmbedded(doc);
    }
  }
}
