package net.suyuan.ledger.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import net.suyuan.ledger.core.chain.GoldenVectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VerifyCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new LedgerCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static String vector(String name) {
    return GoldenVectors.files("chains", name + ".ndjson").get(0).toString();
  }

  @Test
  void validExport_exitsZero_printsCountAndHead() {
    assertThat(run("verify", vector("valid-sha256"))).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "OK: verified 6 entries; head seq 5 hash"
                + " 66ad1348496e6eb179268082bd8f6b651d3998584c445064db6f3aa6830fbcd8\n");
  }

  @Test
  void tamperedExport_exitsOne_printsFirstFailureSeqAndKind() {
    assertThat(run("verify", vector("changed-body-sm3"))).isEqualTo(1);
    assertThat(out.toString()).startsWith("FAILED at seq 3: broken_link: prev is \"");
    assertThat(out.toString()).contains("verified 3 entries before it; last good head seq 2");
  }

  @Test
  void jsonReport_hasTheAuditShape() {
    assertThat(run("verify", "--json", vector("deleted-entry-sha256"))).isEqualTo(1);
    assertThat(out.toString())
        .startsWith(
            "{\"firstFailure\":{\"detail\":\"expected seq 3, found seq 4\",\"kind\":\"seq_gap\",\"seq\":3},\"head\":{\"hash\":\"")
        .endsWith(",\"ok\":false,\"verified\":3}\n");
  }

  @Test
  void expectedHead_mismatch_exitsOne() {
    String wrong = "5:" + "0".repeat(64);
    assertThat(run("verify", "--expect-head", wrong, vector("valid-sha256"))).isEqualTo(1);
    assertThat(out.toString()).startsWith("FAILED at seq 5: hash_mismatch: expected head seq 5");
    String right = "5:66ad1348496e6eb179268082bd8f6b651d3998584c445064db6f3aa6830fbcd8";
    assertThat(run("verify", "--expect-head", right, vector("valid-sha256"))).isZero();
  }

  @Test
  void missingFile_exitsThree_usageErrors_exitTwo() {
    assertThat(run("verify", Path.of("no-such-export.ndjson").toString())).isEqualTo(3);
    assertThat(err.toString()).contains("no such file: no-such-export.ndjson");
    assertThat(run("verify")).isEqualTo(2);
    assertThat(run("verify", "--expect-head", "nonsense", vector("valid-sha256"))).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void help_exitsZero() {
    assertThat(run("verify", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: ledger verify").contains("Exit codes");
  }
}
