package net.suyuan.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a valid chain of N sample entries straight into the entry table with COPY, for measuring
 * the audit rate over a large stored ledger (the api then audits it as it would any ledger).
 */
@Command(
    name = "preload-chain",
    mixinStandardHelpOptions = true,
    description = "COPY a valid chain into PostgreSQL.")
public final class PreloadChain implements Callable<Integer> {
  @Option(names = "--jdbc-url", required = true)
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "postgres")
  String user;

  @Option(names = "--ledger-id", required = true)
  String ledgerId;

  @Option(names = "--entries", defaultValue = "1000000")
  long entries;

  @Option(names = "--alg", defaultValue = "sha-256")
  String alg;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PreloadChain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    HashAlg hashAlg = HashAlg.fromId(alg).orElseThrow();
    Clock clock = Clock.fixed(Instant.parse("2022-03-01T08:00:00Z"), ZoneOffset.UTC);
    Random random = new Random(3);
    SealedEntry genesis =
        ChainWriter.genesis(ledgerId, hashAlg, "admin", JsonObject.empty(), clock);
    ChainWriter writer = new ChainWriter(hashAlg, genesis.head(), genesis.entry().ts(), clock);
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
      db.setAutoCommit(false);
      ChainCopy chain = new ChainCopy(db, ledgerId, alg, genesis);
      for (long i = 1; i < entries; i++) {
        chain.add(
            writer.append(
                "seller-" + random.nextInt(20), "sale.recorded", SampleEntries.sale(random, i)));
        if (i % 100_000 == 0) {
          System.err.printf("preloaded %,d entries%n", i);
        }
      }
      SealedEntry last = chain.finish();
      db.commit();
      System.err.println("head " + last.seq() + " " + last.hash().hex());
    }
    return 0;
  }
}
