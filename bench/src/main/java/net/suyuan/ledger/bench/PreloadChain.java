package net.suyuan.ledger.bench;

import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Callable;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
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
  private static final HexFormat HEX = HexFormat.of();

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
      try (PreparedStatement l =
          db.prepareStatement(
              "INSERT INTO ledger (ledger_id, hash_alg, head_seq, head_hash) VALUES (?, ?, 0, ?)")) {
        l.setString(1, ledgerId);
        l.setString(2, alg);
        l.setBytes(3, genesis.hash().bytes());
        l.executeUpdate();
      }
      CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
      String sql =
          "COPY entry (ledger_id, seq, ts, actor, type, canonical, hash, prev) FROM STDIN WITH (FORMAT csv)";
      StringBuilder chunk = new StringBuilder(1 << 22);
      append(chunk, genesis);
      SealedEntry last = genesis;
      for (long i = 1; i < entries; i++) {
        last =
            writer.append(
                "seller-" + random.nextInt(20), "sale.recorded", SampleEntries.sale(random, i));
        append(chunk, last);
        if (chunk.length() > (1 << 22)) {
          copy.copyIn(sql, reader(chunk));
          chunk.setLength(0);
        }
        if (i % 100_000 == 0) {
          System.err.printf("preloaded %,d entries%n", i);
        }
      }
      copy.copyIn(sql, reader(chunk));
      try (PreparedStatement h =
          db.prepareStatement(
              "UPDATE ledger SET head_seq = ?, head_hash = ? WHERE ledger_id = ?")) {
        h.setLong(1, last.seq());
        h.setBytes(2, last.hash().bytes());
        h.setString(3, ledgerId);
        h.executeUpdate();
      }
      db.commit();
      System.err.println("head " + last.seq() + " " + last.hash().hex());
    }
    return 0;
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

  private static Reader reader(StringBuilder chunk) {
    return new StringReader(chunk.toString());
  }
}
