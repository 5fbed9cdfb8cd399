package net.suyuan.ledger.api.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar api.jar demo --url http://localhost:8080 --admin-key KEY}: loads the demo into a
 * running server's empty ledger over HTTP (no Spring context is started). A picocli command like
 * the auditor's and the QR tools' CLIs. Exit codes: 0 loaded, 1 refused or failed, 2 usage.
 */
@Command(
    name = "java -jar api.jar demo",
    mixinStandardHelpOptions = true,
    versionProvider = DemoCommand.VersionProvider.class,
    description = {
      "Loads the demo programs (docs/demo.md) into a running server's empty ledger.",
      "Exit codes: 0 loaded, 1 refused (the ledger holds events) or failed, 2 usage error."
    })
public final class DemoCommand implements Callable<Integer> {
  static final int EXIT_FAILED = 1;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://localhost:8080",
      description = "The running api (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--admin-key",
      paramLabel = "KEY",
      defaultValue = "${env:LEDGER_ADMIN_KEY}",
      description = "An admin key (default: $LEDGER_ADMIN_KEY).")
  String adminKey;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command with these arguments; the exit code. */
  public static int run(String[] args) {
    return commandLine().execute(args);
  }

  /** The configured command line; tests run it with their own writers. */
  static CommandLine commandLine() {
    return new CommandLine(new DemoCommand());
  }

  @Override
  public Integer call() {
    if (adminKey == null || adminKey.isBlank()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "an admin key is required (--admin-key or LEDGER_ADMIN_KEY)");
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      new DemoClient(
              url,
              adminKey,
              line -> {
                err.println(line);
                err.flush();
              })
          .load(new DemoScenario());
      return 0;
    } catch (DemoClient.DemoException | IOException | IllegalArgumentException e) {
      // java.net.http's ConnectException has no message: name the exception then
      err.println("demo: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      err.flush();
      return EXIT_FAILED;
    }
  }

  /** Version from the jar manifest, so the command and the build agree. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = DemoCommand.class.getPackage().getImplementationVersion();
      return new String[] {"ledger api " + (version == null ? "(development build)" : version)};
    }
  }
}
