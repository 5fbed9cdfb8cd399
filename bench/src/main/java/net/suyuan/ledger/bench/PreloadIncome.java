package net.suyuan.ledger.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a valid chain of N income entries ({@link IncomeEvents}: deliveries, transformations,
 * sales, refunds, wages, payouts) with COPY, plus the {@code household} rows the household income
 * endpoint checks access against. The api's income projector then catches up from seq 0 as it would
 * on any ledger.
 */
@Command(name = "preload-income", mixinStandardHelpOptions = true)
public final class PreloadIncome implements Callable<Integer> {
  @Option(names = "--jdbc-url", required = true)
  String jdbcUrl;

  @Option(names = "--jdbc-user", defaultValue = "postgres")
  String user;

  @Option(names = "--ledger-id", defaultValue = "main")
  String ledgerId;

  @Option(names = "--entries", defaultValue = "1000000")
  long entries;

  @Option(names = "--households", defaultValue = "20000")
  int households;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PreloadIncome()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    HashAlg alg = HashAlg.fromId("sha-256").orElseThrow();
    Clock clock = Clock.fixed(Instant.parse("2023-01-01T00:00:00Z"), ZoneOffset.UTC);
    SealedEntry genesis = ChainWriter.genesis(ledgerId, alg, "admin", JsonObject.empty(), clock);
    ChainWriter writer = new ChainWriter(alg, genesis.head(), genesis.entry().ts(), clock);
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
      db.setAutoCommit(false);
      ChainCopy chain = new ChainCopy(db, ledgerId, alg.id(), genesis);
      StringBuilder householdRows = new StringBuilder();
      long start = System.nanoTime();
      IncomeEvents.generate(
          entries - 1,
          households,
          5,
          (actor, event) -> {
            SealedEntry e = writer.append(actor, event.type(), event.toBody());
            chain.add(e);
            if (event instanceof HouseholdEnrolled h) {
              householdRows
                  .append(ledgerId)
                  .append(',')
                  .append(h.householdId().value())
                  .append(',')
                  .append(h.cooperative().value())
                  .append(',')
                  .append(e.seq())
                  .append('\n');
            }
            if (e.seq() % 100_000 == 0) {
              System.err.printf("preloaded %,d entries%n", e.seq());
            }
          });
      SealedEntry last = chain.finish();
      chain.copyRows(
          "COPY household (ledger_id, household_id, cooperative, seq) FROM STDIN WITH (FORMAT csv)",
          householdRows);
      db.commit();
      System.err.printf(
          "head %d %s, written in %.1f s%n",
          last.seq(), last.hash().hex(), (System.nanoTime() - start) / 1e9);
      System.out.println("HEAD_SEQ=" + last.seq());
    }
    return 0;
  }
}
