package net.suyuan.ledger.qr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import net.suyuan.ledger.qr.ExternalTools;
import net.suyuan.ledger.qr.QrEncoder;
import net.suyuan.ledger.qr.QrOptions;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real command line (the jar's main runs the same {@link QrCli#commandLine()}). */
class QrCliTest {
  private static final String URI =
      "https://id.example.cn/01/06901234500004/10/G2022-001A/21/000123";

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = QrCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void help_exitsZero_forEveryCommand() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: qr").contains("encode").contains("sheet");
    for (String command : new String[] {"encode", "decode", "sheet"}) {
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).contains("Usage: qr " + command).contains("Exit codes");
    }
  }

  @Test
  void encodePng_thenDecode_printsUriAndParsedParts() throws Exception {
    assertThat(run("encode", URI, "-o", file("a.png"))).isZero();
    assertThat(ExternalTools.zbarimg(dir.resolve("a.png"))).containsExactly(URI);
    BufferedImage img = ImageIO.read(dir.resolve("a.png").toFile());
    assertThat(img.getWidth()).isEqualTo(QrOptions.DEFAULT_SIZE);
    assertThat(img.getHeight()).as("default caption band").isGreaterThan(img.getWidth());

    assertThat(run("decode", file("a.png"))).isZero();
    assertThat(out.toString())
        .isEqualTo(
            file("a.png")
                + ": "
                + URI
                + "\n  gtin 06901234500004  lot G2022-001A  serial 000123\n");
  }

  @Test
  void encodeFromParts_svgByExtension_noCaption() throws Exception {
    assertThat(
            run(
                "encode",
                "--base",
                "https://id.example.cn/",
                "--gtin",
                "6901234500004",
                "--lot",
                "G2022-001A",
                "--serial",
                "000123",
                "--no-caption",
                "--ec",
                "h",
                "--size",
                "300",
                "-o",
                file("a.svg")))
        .isZero();
    String svg = Files.readString(dir.resolve("a.svg"));
    assertThat(svg).startsWith("<?xml").doesNotContain("<text").contains("width=\"300\"");
    Path png = ExternalTools.rasterize(dir.resolve("a.svg"));
    assertThat(ExternalTools.zbarimg(png)).containsExactly(URI);
  }

  @Test
  void badInput_exitsTwo_withAMessage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("missing command");

    assertThat(run("encode", "https://id.example.cn/01/06901234500005/10/L1", "-o", file("x.png")))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("not a GS1 Digital Link URI (gtin): GTIN check digit is 5 but should be 4");

    assertThat(run("encode", "--gtin", "06901234500004", "--lot", "L1", "-o", file("x.png")))
        .isEqualTo(2);
    assertThat(err.toString()).contains("missing URI");

    assertThat(run("encode", URI, "--lot", "L2")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");

    assertThat(run("encode", URI, "--size", "100", "-o", file("x.png"))).isEqualTo(2);
    assertThat(err.toString()).contains("size 100 px is too small").contains("at least 147 px");

    assertThat(run("encode", URI, "--ec", "X")).isEqualTo(2);
    assertThat(err.toString()).contains("--ec");

    assertThat(run("decode")).isEqualTo(2);
    assertThat(run("sheet", "--gtin", "06901234500004", "--lot", "L1")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required options");
    assertThat(Files.exists(dir.resolve("x.png"))).isFalse();
  }

  @Test
  void decode_reportsNonDigitalLinks_andExitsOneWhenAFileHasNoCode() throws Exception {
    Files.write(dir.resolve("hello.png"), new QrEncoder().png("hello", QrOptions.defaults()));
    BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_BINARY);
    blank.getGraphics().fillRect(0, 0, 100, 100);
    ImageIO.write(blank, "png", dir.resolve("blank.png").toFile());

    assertThat(run("decode", file("hello.png"))).isZero();
    assertThat(out.toString()).contains("hello.png: hello\n  not a GS1 Digital Link (uri): ");

    assertThat(run("decode", file("hello.png"), file("blank.png"), file("missing.png")))
        .isEqualTo(1);
    assertThat(err.toString())
        .contains("blank.png: no QR code found")
        .contains("missing.png: no such file");
  }

  @Test
  void decodeJson_givesFilesCodesAndParsedParts() throws Exception {
    run("encode", URI, "-o", file("a.png"));
    Files.write(dir.resolve("hello.png"), new QrEncoder().png("hello", QrOptions.defaults()));
    assertThat(run("decode", "--json", file("a.png"), file("hello.png"))).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "{\"files\":[{\"file\":\""
                + file("a.png")
                + "\",\"error\":null,\"codes\":[{\"text\":\""
                + URI
                + "\",\"digitalLink\":{\"gtin\":\"06901234500004\",\"lot\":\"G2022-001A\","
                + "\"serial\":\"000123\"},\"error\":null}]},{\"file\":\""
                + file("hello.png")
                + "\",\"error\":null,\"codes\":[{\"text\":\"hello\",\"digitalLink\":null,"
                + "\"error\":{\"field\":\"uri\",\"message\":\"no /01/{gtin} in the path;"
                + " expected /01/{gtin}/10/{lot}[/21/{serial}]\"}}]}]}\n");
  }

  @Test
  void sheet_writesAPdf_andSaysWhat() throws Exception {
    assertThat(
            run(
                "sheet",
                "--base",
                "https://id.example.cn",
                "--gtin",
                "06901234500004",
                "--lot",
                "G2022-001A",
                "--count",
                "30",
                "--start-serial",
                "1",
                "-o",
                file("labels.pdf")))
        .isZero();
    assertThat(out.toString())
        .startsWith("wrote " + file("labels.pdf") + ": 30 labels on 2 pages")
        .contains("/21/000001");
    try (PDDocument doc = Loader.loadPDF(dir.resolve("labels.pdf").toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
    }
    assertThat(
            run(
                "sheet",
                "--base",
                "https://id.example.cn",
                "--gtin",
                "06901234500004",
                "--lot",
                "G2022-001A",
                "--count",
                "0",
                "-o",
                file("none.pdf")))
        .isEqualTo(2);
    assertThat(err.toString()).contains("count must be 1 to 100000 labels, got 0");
  }
}
