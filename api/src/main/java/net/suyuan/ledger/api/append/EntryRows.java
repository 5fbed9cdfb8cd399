package net.suyuan.ledger.api.append;

import java.nio.ByteBuffer;
import java.util.List;
import net.suyuan.ledger.api.config.BinaryBytea;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Inserts sealed entries with ONE statement per group, whose text (and prepared plan) is the same
 * whatever the group size. The byte columns travel as three binary {@code bytea} parameters ({@link
 * BinaryBytea}), the group's canonical bytes, hashes and previous hashes each laid end to end,
 * which the server slices with {@code substring}: one bulk value each instead of an array of
 * per-entry hex strings, which the driver would escape and the server would parse character by
 * character. Short text columns travel as arrays; seq is the first seq plus the row's ordinality,
 * so the entries must be consecutive.
 */
final class EntryRows {
  private static final int HASH_BYTES = 32;

  static final String INSERT =
      "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev)"
          + " SELECT $1, $2 + u.i - 1, u.ts::timestamptz, u.actor, u.type,"
          + " substring($6 FROM u.start FOR u.len),"
          + " substring($7 FROM u.i::int * 32 - 31 FOR 32), substring($8 FROM u.i::int * 32 - 31 FOR 32)"
          + " FROM unnest($3::text[], $4::text[], $5::text[], $9::int[], $10::int[])"
          + " WITH ORDINALITY AS u(ts, actor, type, start, len, i)";

  private EntryRows() {}

  static Mono<Void> insert(DatabaseClient db, String ledgerId, List<SealedEntry> entries) {
    return Stmt.runAll(db, ledgerId, List.of(stmt(entries)));
  }

  /** The insert of {@code entries}, consecutive by seq, as one write of a group. */
  static Stmt stmt(List<SealedEntry> entries) {
    int n = entries.size();
    if (n == 0) {
      throw new IllegalArgumentException("no entries to insert");
    }
    long first = entries.get(0).seq();
    String[] ts = new String[n];
    String[] actor = new String[n];
    String[] type = new String[n];
    Integer[] start = new Integer[n];
    Integer[] len = new Integer[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      SealedEntry e = entries.get(i);
      if (e.seq() != first + i) {
        throw new IllegalArgumentException(
            "entries are not consecutive: seq " + e.seq() + " at position " + i);
      }
      ts[i] = Timestamps.format(e.entry().ts());
      actor[i] = e.entry().actor();
      type[i] = e.entry().type();
      start[i] = Math.toIntExact(total + 1); // substring counts from 1
      len[i] = e.canonicalLength();
      total += len[i];
    }
    ByteBuffer canonical = ByteBuffer.allocate(Math.toIntExact(total));
    ByteBuffer hash = ByteBuffer.allocate(n * HASH_BYTES);
    ByteBuffer prev = ByteBuffer.allocate(n * HASH_BYTES);
    for (SealedEntry e : entries) {
      e.canonicalInto(canonical);
      hash.put(e.hash().bytes());
      prev.put(e.entry().prev().bytes());
    }
    return new Stmt(
        INSERT,
        new Object[] {
          first, ts, actor, type, bytea(canonical), bytea(hash), bytea(prev), start, len
        });
  }

  private static BinaryBytea bytea(ByteBuffer filled) {
    return BinaryBytea.of(filled.array(), 0, filled.position());
  }
}
