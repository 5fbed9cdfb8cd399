package net.suyuan.ledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo command line, without a server: help, version, usage errors, an unreachable api. */
class DemoCommandTest {
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = DemoCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void help_exitsZero_andDocumentsOptionsAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "Usage: java -jar api.jar demo",
            "--url=URL",
            "--admin-key=KEY",
            "http://localhost:8080")
        .contains("Exit codes: 0 loaded, 1 refused");
    assertThat(run("-h")).isZero();
  }

  @Test
  void version_exitsZero() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("ledger api ");
  }

  @Test
  void unknownOption_isAUsageError() {
    assertThat(run("--bogus")).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown option: '--bogus'", "Usage: java -jar api.jar demo");
  }

  @Test
  void optionWithoutItsValue_isAUsageError() {
    assertThat(run("--url")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required parameter for option '--url'");
  }

  @Test
  void blankAdminKey_isAUsageError() {
    assertThat(run("--admin-key", " ")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "an admin key is required (--admin-key or LEDGER_ADMIN_KEY)",
            "Usage: java -jar api.jar demo");
  }

  @Test
  void unreachableServer_failsWithExitCodeOne() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    assertThat(run("--url", "http://127.0.0.1:" + port, "--admin-key", "k")).isEqualTo(1);
    assertThat(err.toString()).startsWith("demo: ");
  }
}
