package net.suyuan.ledger.qr.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.DigitalLinkException;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SerialId;
import net.suyuan.ledger.qr.ErrorCorrection;
import net.suyuan.ledger.qr.QrEncoder;
import net.suyuan.ledger.qr.QrOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code encode}: one Digital Link URI to a PNG or SVG file. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
      "Draws the QR code of a GS1 Digital Link URI, given whole or built from its parts.",
      "Examples:",
      "  encode https://id.example.cn/01/06901234500004/10/G2022-001A/21/000123 -o label.png",
      "  encode --base https://id.example.cn --gtin 06901234500004 --lot G2022-001A"
          + " --serial 000123 --format svg -o label.svg",
      "Exit codes: 0 written, 1 cannot write the file, 2 usage error (bad URI, size too small)."
    })
final class EncodeCommand implements Callable<Integer> {
  enum Format {
    png,
    svg
  }

  @Parameters(
      arity = "0..1",
      paramLabel = "URI",
      description = "A Digital Link URI, e.g. https://id.example.cn/01/06901234500004/10/L1.")
  String uri;

  @Option(names = "--gtin", description = "GTIN-8/12/13/14 (with --lot and --base).")
  String gtin;

  @Option(names = "--lot", description = "Lot (batch) number, GS1 AI (10).")
  String lot;

  @Option(names = "--serial", description = "Serial number, GS1 AI (21); optional.")
  String serial;

  @Option(names = "--base", description = "Resolver base URL, e.g. https://id.example.cn.")
  String base;

  @Option(
      names = "--format",
      description = "png or svg (default: from the -o extension, else png).")
  Format format;

  @Option(
      names = "--size",
      defaultValue = "" + QrOptions.DEFAULT_SIZE,
      description =
          "Width in pixels (default ${DEFAULT-VALUE}); at least "
              + QrOptions.MIN_PIXELS_PER_MODULE
              + " px per module.")
  int size;

  @Option(
      names = "--quiet-zone",
      defaultValue = "" + QrOptions.DEFAULT_QUIET_ZONE,
      description = "White margin in modules (default ${DEFAULT-VALUE}).")
  int quietZone;

  @Option(
      names = "--ec",
      defaultValue = "Q",
      description = "Error correction L, M, Q or H (default ${DEFAULT-VALUE}).")
  ErrorCorrection ec;

  @Option(
      names = "--caption",
      paramLabel = "TEXT",
      description = "Text under the code (default: (01) GTIN (10) lot (21) serial).")
  String caption;

  @Option(names = "--no-caption", description = "No text under the code.")
  boolean noCaption;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Output file, or - for standard output (default).")
  String output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DigitalLink link = link();
    String text = uri != null ? uri : link.uri(base);
    QrOptions opts;
    try {
      opts = new QrOptions(size, quietZone, ec, noCaption ? null : captionFor(link));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Format f = format != null ? format : output.toLowerCase().endsWith(".svg") ? Format.svg : null;
    byte[] bytes;
    try {
      QrEncoder encoder = new QrEncoder();
      bytes = f == Format.svg ? encoder.svg(text, opts).getBytes(UTF_8) : encoder.png(text, opts);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    try {
      if ("-".equals(output)) {
        OutputStream out = System.out;
        out.write(bytes);
        out.flush();
      } else {
        Files.write(Path.of(output), bytes);
      }
    } catch (IOException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("encode: cannot write " + output + ": " + e.getMessage());
      err.flush();
      return QrCli.EXIT_FAILED;
    }
    return 0;
  }

  private DigitalLink link() {
    boolean parts = gtin != null || lot != null || serial != null || base != null;
    if (uri != null && parts) {
      throw usage("give either a URI or --gtin/--lot/--serial/--base, not both");
    }
    if (uri != null) {
      try {
        return DigitalLink.parse(uri);
      } catch (DigitalLinkException e) {
        throw usage("not a GS1 Digital Link URI (" + e.field() + "): " + e.getMessage());
      }
    }
    if (gtin == null || lot == null || base == null) {
      throw usage("missing URI: give one, or --gtin, --lot and --base (and --serial)");
    }
    if (!base.startsWith("https://") && !base.startsWith("http://")) {
      throw usage("--base must be an http(s) URL such as https://id.example.cn, got " + base);
    }
    try {
      return new DigitalLink(
          Gtin.of(gtin), LotId.of(lot), serial == null ? null : SerialId.of(serial));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private String captionFor(DigitalLink link) {
    if (caption != null) {
      return caption;
    }
    String line = "(01) " + link.gtin().value() + " (10) " + link.lot().value();
    return link.serial() == null ? line : line + " (21) " + link.serial().value();
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
