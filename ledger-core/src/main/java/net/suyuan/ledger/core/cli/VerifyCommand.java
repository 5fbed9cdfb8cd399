package net.suyuan.ledger.core.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.verify.AuditReport;
import net.suyuan.ledger.core.verify.ExportVerifier;
import net.suyuan.ledger.core.verify.Failure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code verify}: checks an NDJSON export and prints the head or the first failure. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies an NDJSON export of a ledger: canonical form, seq order, hash links.",
      "Exit codes: 0 chain valid, 1 verification failed, 2 usage error, 3 file unreadable."
    })
final class VerifyCommand implements Callable<Integer> {
  static final int EXIT_FAILED = 1;
  static final int EXIT_IO = 3;

  @Parameters(paramLabel = "EXPORT", description = "NDJSON export file, or - for standard input.")
  String export;

  @Option(
      names = "--expect-head",
      paramLabel = "SEQ:HASH",
      description =
          "Also require the last entry to be this one (e.g. from a published checkpoint).")
  String expectHead;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress on standard error.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Optional<ChainHead> expected = parseExpectedHead();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, quiet);
    AuditReport report;
    try (InputStream in = open()) {
      report = ExportVerifier.verify(in, expected, 10_000, progress::update);
    } catch (NoSuchFileException e) {
      err.println("verify: no such file: " + export);
      return EXIT_IO;
    } catch (IOException e) {
      err.println("verify: cannot read " + export + ": " + e.getMessage());
      return EXIT_IO;
    }
    progress.done();
    out.println(json ? ReportFormat.json(report) : ReportFormat.text(report));
    out.flush();
    return report.ok() ? 0 : EXIT_FAILED;
  }

  private InputStream open() throws IOException {
    InputStream raw = "-".equals(export) ? System.in : Files.newInputStream(Path.of(export));
    return new BufferedInputStream(raw, 1 << 16);
  }

  private Optional<ChainHead> parseExpectedHead() {
    if (expectHead == null) {
      return Optional.empty();
    }
    int colon = expectHead.indexOf(':');
    try {
      return Optional.of(
          new ChainHead(
              Long.parseLong(expectHead.substring(0, colon)),
              EntryHash.fromHex(expectHead.substring(colon + 1))));
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--expect-head must be SEQ:HASH (64 lowercase hex), got " + expectHead);
    }
  }

  /** Formats for a person and for a machine. */
  static final class ReportFormat {
    private ReportFormat() {}

    static String text(AuditReport r) {
      String head =
          r.head().map(h -> "head seq " + h.seq() + " hash " + h.hash().hex()).orElse("no entries");
      if (r.ok()) {
        return "OK: verified " + r.verified() + " entries; " + head;
      }
      Failure f = r.firstFailure().orElseThrow();
      return "FAILED at seq "
          + f.seq()
          + ": "
          + f.kind().id()
          + ": "
          + f.detail()
          + "\n"
          + "verified "
          + r.verified()
          + " entries before it; last good "
          + head;
    }

    static String json(AuditReport r) {
      String head =
          r.head()
              .map(h -> "{\"hash\":\"" + h.hash().hex() + "\",\"seq\":" + h.seq() + "}")
              .orElse("null");
      String failure =
          r.firstFailure()
              .map(
                  f ->
                      "{\"detail\":"
                          + net.suyuan.ledger.core.json.JsonString.of(f.detail())
                          + ",\"kind\":\""
                          + f.kind().id()
                          + "\",\"seq\":"
                          + f.seq()
                          + "}")
              .orElse("null");
      return "{\"firstFailure\":"
          + failure
          + ",\"head\":"
          + head
          + ",\"ok\":"
          + r.ok()
          + ",\"verified\":"
          + r.verified()
          + "}";
    }
  }
}
