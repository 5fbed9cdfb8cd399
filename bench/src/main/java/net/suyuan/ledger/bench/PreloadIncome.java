package net.suyuan.ledger.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
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
  private static final HexFormat HEX = HexFormat.of();

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
      try (PreparedStatement l =
          db.prepareStatement(
              "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash) VALUES (?, 'sha-256', 0, ?)")) {
        l.setString(1, ledgerId);
        l.setBytes(2, genesis.hash().bytes());
        l.executeUpdate();
      }
      CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
      String sql =
          "COPY entry (ledger_id, seq, ts, actor, type, canonical, hash, prev) FROM STDIN WITH (FORMAT csv)";
      StringBuilder chunk = new StringBuilder(1 << 22);
      StringBuilder householdRows = new StringBuilder();
      append(chunk, genesis);
      SealedEntry[] last = {genesis};
      long start = System.nanoTime();
      IncomeEvents.generate(
          entries - 1,
          households,
          5,
          (actor, event) -> {
            last[0] = writer.append(actor, event.type(), event.toBody());
            append(chunk, last[0]);
            if (event instanceof HouseholdEnrolled h) {
              householdRows
                  .append(ledgerId)
                  .append(',')
                  .append(h.householdId().value())
                  .append(',')
                  .append(h.cooperative().value())
                  .append(',')
                  .append(last[0].seq())
                  .append('\n');
            }
            if (chunk.length() > (1 << 22)) {
              copyIn(copy, sql, chunk);
            }
            if (last[0].seq() % 100_000 == 0) {
              System.err.printf("preloaded %,d entries%n", last[0].seq());
            }
          });
      copyIn(copy, sql, chunk);
      copyIn(
          copy,
          "COPY household (ledger_id, household_id, cooperative, seq) FROM STDIN WITH (FORMAT csv)",
          householdRows);
      try (PreparedStatement h =
          db.prepareStatement(
              "UPDATE ledger SET head_seq = ?, head_hash = ?, head_ts = ? WHERE ledger_id = ?")) {
        h.setLong(1, last[0].seq());
        h.setBytes(2, last[0].hash().bytes());
        h.setObject(3, java.time.OffsetDateTime.ofInstant(last[0].entry().ts(), ZoneOffset.UTC));
        h.setString(4, ledgerId);
        h.executeUpdate();
      }
      db.commit();
      System.err.printf(
          "head %d %s, written in %.1f s%n",
          last[0].seq(), last[0].hash().hex(), (System.nanoTime() - start) / 1e9);
      System.out.println("HEAD_SEQ=" + last[0].seq());
    }
    return 0;
  }

  private static void copyIn(CopyManager copy, String sql, StringBuilder chunk) {
    try {
      copy.copyIn(sql, new StringReader(chunk.toString()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    chunk.setLength(0);
  }

  private void append(StringBuilder out, SealedEntry e) {
    out.append(ledgerId)
        .append(',')
        .append(e.seq())
        .append(',')
        .append(Timestamps.format(e.entry().ts()))
        .append(',')
        .append(e.entry().actor())
        .append(',')
        .append(e.entry().type())
        .append(",\\x")
        .append(HEX.formatHex(e.canonical()))
        .append(",\\x")
        .append(e.hash().hex())
        .append(",\\x")
        .append(e.entry().prev().hex())
        .append('\n');
  }
}
