package net.suyuan.ledger.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.core.chain.GoldenVectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every export under vectors/chains, valid or mutated, must verify to exactly what its .expect file
 * says: the independent Python verifier wrote those expectations.
 */
class ChainVectorsTest {
  static List<Path> exports() {
    return GoldenVectors.files("chains", ".ndjson");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exports")
  void export_verifiesToExpectedOutcome(Path export) throws Exception {
    String[] expect =
        Files.readString(Path.of(export.toString().replace(".ndjson", ".expect")))
            .trim()
            .split(" ");
    AuditReport report;
    try (InputStream in = Files.newInputStream(export)) {
      report = ExportVerifier.verify(in, Optional.empty(), 0, n -> {});
    }
    if (expect[0].equals("ok")) {
      assertThat(report.ok()).as(report.firstFailure().map(Failure::toString).orElse("")).isTrue();
      assertThat(report.verified()).isEqualTo(Long.parseLong(expect[1]));
      assertThat(report.head().orElseThrow().seq()).isEqualTo(Long.parseLong(expect[2]));
      assertThat(report.head().orElseThrow().hash().hex()).isEqualTo(expect[3]);
    } else {
      Failure failure = report.firstFailure().orElseThrow();
      assertThat(failure.kind().id()).as(failure.toString()).isEqualTo(expect[0]);
      assertThat(failure.seq()).as(failure.toString()).isEqualTo(Long.parseLong(expect[1]));
      assertThat(report.verified()).isEqualTo(failure.seq());
    }
  }
}
