package net.suyuan.ledger.qr.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.qr.ErrorCorrection;
import net.suyuan.ledger.qr.LabelSheet;
import net.suyuan.ledger.qr.LabelStock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sheet}: an A4 PDF of labels for one lot. */
@Command(
    name = "sheet",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an A4 PDF of Digital Link QR labels for a lot, "
          + "3 x 7 labels of 63.5 x 38.1 mm a page (Avery L7160 layout).",
      "With --start-serial: one label per unit, serials zero-padded to --serial-digits.",
      "Without it: --count identical lot labels.",
      "Example:",
      "  sheet --base https://id.example.cn --gtin 06901234500004 --lot G2022-001A"
          + " --count 500 --start-serial 1 -o labels.pdf",
      "Exit codes: 0 written, 1 cannot write the file, 2 usage error."
    })
final class SheetCommand implements Callable<Integer> {
  @Option(names = "--gtin", required = true, description = "GTIN-8/12/13/14.")
  String gtin;

  @Option(names = "--lot", required = true, description = "Lot (batch) number, GS1 AI (10).")
  String lot;

  @Option(names = "--base", required = true, description = "Resolver base URL.")
  String base;

  @Option(names = "--count", required = true, description = "Number of labels.")
  int count;

  @Option(names = "--start-serial", description = "First serial; labels are serialized from it.")
  Long startSerial;

  @Option(
      names = "--serial-digits",
      defaultValue = "" + LabelSheet.DEFAULT_SERIAL_DIGITS,
      description = "Serials are zero-padded to this many digits (default ${DEFAULT-VALUE}).")
  int serialDigits;

  @Option(
      names = "--ec",
      defaultValue = "Q",
      description = "Error correction L, M, Q or H (default ${DEFAULT-VALUE}).")
  ErrorCorrection ec;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The PDF to write.")
  Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on standard error.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LabelSheet sheet;
    try {
      Gtin g = Gtin.of(gtin);
      LotId l = LotId.of(lot);
      sheet =
          (startSerial == null
                  ? LabelSheet.lot(g, l, base, count)
                  : LabelSheet.serialized(g, l, base, startSerial, count, serialDigits))
              .withErrorCorrection(ec);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, quiet);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
      sheet.write(out, progress::update);
    } catch (IOException e) {
      err.println("sheet: cannot write " + output + ": " + e.getMessage());
      err.flush();
      return QrCli.EXIT_FAILED;
    }
    progress.done(sheet.labelCount());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "wrote %s: %d labels on %d pages (%s), first %s%n",
        output, sheet.labelCount(), sheet.pageCount(), LabelStock.A4_3X7.name(), sheet.uri(0));
    out.flush();
    return 0;
  }
}
