package net.suyuan.ledger.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * Writes a valid NDJSON export of N sample sale entries, for timing the auditor CLI: {@code java
 * -cp bench/target/benchmarks.jar net.suyuan.ledger.bench.GenerateExport N FILE [sha-256|sm3]}.
 */
public final class GenerateExport {
  private GenerateExport() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: GenerateExport ENTRIES FILE [sha-256|sm3]");
      System.exit(2);
    }
    long count = Long.parseLong(args[0]);
    HashAlg alg = HashAlg.fromId(args.length > 2 ? args[2] : "sha-256").orElseThrow();
    Clock clock = Clock.fixed(Instant.parse("2022-03-01T08:00:00Z"), ZoneOffset.UTC);
    Random random = new Random(1);
    SealedEntry genesis = ChainWriter.genesis("bench", alg, "admin", JsonObject.empty(), clock);
    ChainWriter writer = new ChainWriter(alg, genesis.head(), genesis.entry().ts(), clock);
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16)) {
      write(out, genesis);
      for (long i = 1; i < count; i++) {
        write(
            out,
            writer.append(
                "seller-" + random.nextInt(20), "sale.recorded", SampleEntries.sale(random, i)));
        if (i % 200_000 == 0) {
          System.err.printf("generated %,d entries%n", i);
        }
      }
    }
    System.err.println("head " + writer.head().seq() + " " + writer.head().hash().hex());
  }

  private static void write(OutputStream out, SealedEntry e) throws java.io.IOException {
    out.write(e.canonical());
    out.write('\n');
  }
}
