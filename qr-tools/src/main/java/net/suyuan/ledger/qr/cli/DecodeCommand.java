package net.suyuan.ledger.qr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.DigitalLinkException;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.qr.QrDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code decode}: the QR codes in image files, each parsed as a Digital Link. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Reads every QR code in the images and parses each as a GS1 Digital Link URI.",
      "Codes that are not Digital Links are printed with the reason.",
      "Exit codes: 0 every file held a code, 1 a file held none or could not be read,"
          + " 2 usage error."
    })
final class DecodeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "PNG, JPEG, GIF or BMP files.")
  List<Path> files;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What one file gave: its texts, or why it gave none. */
  private record FileResult(Path file, List<String> texts, String error) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QrDecoder decoder = new QrDecoder();
    List<FileResult> results = new ArrayList<>();
    boolean allFound = true;
    for (Path file : files) {
      FileResult r;
      try {
        List<String> texts = decoder.decode(file);
        r = new FileResult(file, texts, texts.isEmpty() ? "no QR code found" : null);
      } catch (NoSuchFileException e) {
        r = new FileResult(file, List.of(), "no such file");
      } catch (IOException e) {
        r = new FileResult(file, List.of(), "cannot read: " + e.getMessage());
      }
      allFound &= r.error() == null;
      results.add(r);
      if (!json) {
        printText(r, out, err);
      }
    }
    if (json) {
      out.println(json(results));
    }
    out.flush();
    err.flush();
    return allFound ? 0 : QrCli.EXIT_FAILED;
  }

  private static void printText(FileResult r, PrintWriter out, PrintWriter err) {
    if (r.error() != null) {
      err.println(r.file() + ": " + r.error());
      return;
    }
    for (String text : r.texts()) {
      out.println(r.file() + ": " + text);
      try {
        DigitalLink link = DigitalLink.parse(text);
        out.println(
            "  gtin "
                + link.gtin().value()
                + "  lot "
                + link.lot().value()
                + (link.serial() == null ? "" : "  serial " + link.serial().value()));
      } catch (DigitalLinkException e) {
        out.println("  not a GS1 Digital Link (" + e.field() + "): " + e.getMessage());
      }
    }
  }

  private static String json(List<FileResult> results) {
    StringBuilder b = new StringBuilder("{\"files\":[");
    for (int i = 0; i < results.size(); i++) {
      FileResult r = results.get(i);
      b.append(i == 0 ? "" : ",").append("{\"file\":").append(str(r.file().toString()));
      b.append(",\"error\":").append(r.error() == null ? "null" : str(r.error()));
      b.append(",\"codes\":[");
      for (int j = 0; j < r.texts().size(); j++) {
        String text = r.texts().get(j);
        b.append(j == 0 ? "" : ",").append("{\"text\":").append(str(text));
        try {
          DigitalLink link = DigitalLink.parse(text);
          b.append(",\"digitalLink\":{\"gtin\":")
              .append(str(link.gtin().value()))
              .append(",\"lot\":")
              .append(str(link.lot().value()))
              .append(",\"serial\":")
              .append(link.serial() == null ? "null" : str(link.serial().value()))
              .append("},\"error\":null}");
        } catch (DigitalLinkException e) {
          b.append(",\"digitalLink\":null,\"error\":{\"field\":")
              .append(str(e.field()))
              .append(",\"message\":")
              .append(str(e.getMessage()))
              .append("}}");
        }
      }
      b.append("]}");
    }
    return b.append("]}").toString();
  }

  private static String str(String s) {
    return JsonString.of(s).toString();
  }
}
