package net.suyuan.ledger.api.append;

import java.util.HexFormat;
import java.util.List;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Inserts sealed entries with ONE statement per group: parallel arrays through {@code unnest}, so
 * the statement text (and its prepared plan) is the same whatever the group size. Byte columns
 * travel as hex text and are decoded by the server.
 */
final class EntryRows {
  private static final HexFormat HEX = HexFormat.of();

  static final String INSERT =
      "INSERT INTO entry (ledger_id, seq, ts, actor, type, canonical, hash, prev)"
          + " SELECT $1, u.seq, u.ts::timestamptz, u.actor, u.type, decode(u.canonical, 'hex'),"
          + " decode(u.hash, 'hex'), decode(u.prev, 'hex')"
          + " FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],"
          + " $7::text[], $8::text[]) AS u(seq, ts, actor, type, canonical, hash, prev)";

  private EntryRows() {}

  static Mono<Void> insert(DatabaseClient db, String ledgerId, List<SealedEntry> entries) {
    return Stmt.runAll(db, ledgerId, List.of(stmt(entries)));
  }

  /** The insert of {@code entries} as one write of a group. */
  static Stmt stmt(List<SealedEntry> entries) {
    int n = entries.size();
    Long[] seq = new Long[n];
    String[] ts = new String[n];
    String[] actor = new String[n];
    String[] type = new String[n];
    String[] canonical = new String[n];
    String[] hash = new String[n];
    String[] prev = new String[n];
    for (int i = 0; i < n; i++) {
      SealedEntry e = entries.get(i);
      seq[i] = e.seq();
      ts[i] = Timestamps.format(e.entry().ts());
      actor[i] = e.entry().actor();
      type[i] = e.entry().type();
      canonical[i] = HEX.formatHex(e.canonical());
      hash[i] = e.hash().hex();
      prev[i] = e.entry().prev().hex();
    }
    return new Stmt(INSERT, new Object[] {seq, ts, actor, type, canonical, hash, prev});
  }
}
