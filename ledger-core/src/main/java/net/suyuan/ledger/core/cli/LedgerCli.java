package net.suyuan.ledger.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The auditor's command line: {@code java -jar ledger-core-<version>-cli.jar verify export.ndjson}.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Offline tools for the provenance ledger (entry format v1).",
    subcommands = {VerifyCommand.class, CommandLine.HelpCommand.class})
public final class LedgerCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LedgerCli()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command, e.g. verify");
  }
}
