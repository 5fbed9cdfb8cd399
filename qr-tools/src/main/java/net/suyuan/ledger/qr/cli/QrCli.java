package net.suyuan.ledger.qr.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The QR command line: {@code java -jar qr-tools-<version>-cli.jar encode|decode|sheet ...}. Exit
 * codes: 0 done, 1 nothing decoded or the work failed, 2 usage error.
 */
@Command(
    name = "qr",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "GS1 Digital Link QR codes: draw them, read them back, print label sheets.",
    subcommands = {
      EncodeCommand.class,
      DecodeCommand.class,
      SheetCommand.class,
      CommandLine.HelpCommand.class
    })
public final class QrCli implements Runnable {
  static final int EXIT_FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Held so the setting below is not collected with the logger. */
  private static final Logger PDFBOX = Logger.getLogger("org.apache.pdfbox");

  public static void main(String[] args) {
    // PDFBox logs its one-time font cache build at INFO; standard error is for our progress.
    PDFBOX.setLevel(Level.WARNING);
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests run it with their own writers. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new QrCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command: encode, decode or sheet");
  }
}
