package net.suyuan.ledger.api.provenance;

import java.util.HexFormat;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;
import net.suyuan.ledger.core.verify.ChainVerificationException;
import net.suyuan.ledger.core.verify.ChainVerifier;

/**
 * Verifies one shown entry against its neighbours, with the core's {@link ChainVerifier}: the entry
 * must be canonical v1 JSON with its seq, its {@code prev} must equal the hash recomputed from the
 * previous entry's stored bytes, its recomputed hash must equal the stored one, and the next
 * entry's {@code prev} (or, for the head, the ledger's head hash) must equal that hash too; so
 * rewriting an entry together with its stored hash is still caught by the entry after it.
 */
final class EntryCheck {
  private static final HexFormat HEX = HexFormat.of();

  private EntryCheck() {}

  /** The verdict: {@code kind} and {@code detail} are null when the entry checks out. */
  record Verdict(boolean ok, String hash, String kind, String detail) {}

  static Verdict check(ProvenanceStore.Row row, ProvenanceStore.Rows context, HashAlg alg) {
    EntryHasher hasher = new EntryHasher(alg);
    EntryHash recomputed = hasher.hash(row.canonical());
    String hash = recomputed.hex();
    if (row.seq() == 0) {
      return new Verdict(false, hash, "invalid_entry", "the genesis entry is not an event");
    }
    if (row.prevCanonical() == null) {
      return new Verdict(false, hash, "seq_gap", "no entry with seq " + (row.seq() - 1));
    }
    ChainHead previous = new ChainHead(row.seq() - 1, hasher.hash(row.prevCanonical()));
    ChainVerifier verifier = ChainVerifier.after(previous, alg);
    try {
      verifier.verify(row.canonical(), 0, row.canonical().length, new EntryHash(row.hash()));
    } catch (ChainVerificationException e) {
      return new Verdict(false, hash, e.failure().kind().id(), e.failure().detail());
    }
    String following = followingPrev(row, context);
    if (following == null) {
      return new Verdict(
          false, hash, "broken_link", "entry " + (row.seq() + 1) + " is unreadable or missing");
    }
    if (!following.equals(hash)) {
      return new Verdict(
          false,
          hash,
          "broken_link",
          "entry "
              + (row.seq() + 1)
              + " links to "
              + following
              + ", not to this entry's recomputed hash");
    }
    return new Verdict(true, hash, null, null);
  }

  /** The hash the chain after this entry vouches for: the next entry's prev, or the head hash. */
  private static String followingPrev(ProvenanceStore.Row row, ProvenanceStore.Rows context) {
    if (row.nextCanonical() == null) {
      return row.seq() == context.headSeq() ? HEX.formatHex(context.headHash()) : null;
    }
    try {
      JsonValue next = JsonParser.parse(row.nextCanonical());
      if (next instanceof JsonObject o && o.get("prev").orElse(null) instanceof JsonString s) {
        return s.value();
      }
      return null;
    } catch (JsonParseException e) {
      return null;
    }
  }
}
