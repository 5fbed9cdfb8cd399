package net.suyuan.ledger.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.testing.SampleChains;
import org.junit.jupiter.api.Test;

/**
 * The packaged auditor jar verifies 1,000,000 entries in a JVM limited to 256 MB heap, reading the
 * export from standard input as it is generated (so neither side ever holds the chain).
 */
class LargeExportIT {
  private static final int ENTRIES = 1_000_000;

  @Test
  void cliJar_verifiesOneMillionEntries_inA256MbHeap() throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.toString().endsWith("-cli.jar")).findFirst().orElseThrow();
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(javaBin, "-Xmx256m", "-jar", jar.toString(), "verify", "-")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();

    SampleChains.MutableClock clock =
        new SampleChains.MutableClock(Instant.parse("2022-01-01T00:00:00Z"));
    SealedEntry genesis =
        ChainWriter.genesis("large", HashAlg.SHA_256, "admin", JsonObject.empty(), clock);
    ChainWriter writer =
        new ChainWriter(HashAlg.SHA_256, genesis.head(), genesis.entry().ts(), clock);
    Random random = new Random(42);
    SealedEntry last = genesis;
    try (OutputStream stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
      write(stdin, genesis);
      for (int i = 1; i < ENTRIES; i++) {
        clock.advance(Duration.ofMillis(1));
        last = writer.append("coop-" + (i % 50), "sale.recorded", SampleChains.body(random, i));
        write(stdin, last);
      }
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .isEqualTo(
            "OK: verified "
                + ENTRIES
                + " entries; head seq "
                + (ENTRIES - 1)
                + " hash "
                + last.hash().hex()
                + "\n");
  }

  private static void write(OutputStream out, SealedEntry e) throws java.io.IOException {
    out.write(e.canonical());
    out.write('\n');
  }
}
