package net.suyuan.ledger.core.chain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * Builds the next entries of one chain: seq + 1, {@code prev} = hash of the head, recording time
 * from the injected clock and never earlier than the head's. Not thread-safe: a chain has one
 * writer at a time (the storage layer serializes appends).
 */
public final class ChainWriter {
  /** Ledger ids: letters, digits, dot, dash, underscore; at most 64 characters. */
  public static final Pattern LEDGER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final HashAlg alg;
  private final EntryHasher hasher;
  private final Clock clock;
  private ChainHead head;
  private Instant headTs;

  /** Continues a chain whose head entry was recorded at {@code headTs}. */
  public ChainWriter(HashAlg alg, ChainHead head, Instant headTs, Clock clock) {
    this.alg = Objects.requireNonNull(alg, "alg");
    this.hasher = new EntryHasher(alg);
    this.head = Objects.requireNonNull(head, "head");
    this.headTs = Objects.requireNonNull(headTs, "headTs");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The genesis entry of a new ledger: seq 0, type {@code ledger.genesis}, prev all zeros, body
   * {@code {"ledgerId", "hashAlg"}} plus any {@code extra} members.
   */
  public static SealedEntry genesis(
      String ledgerId, HashAlg alg, String actor, JsonObject extra, Clock clock) {
    if (!LEDGER_ID.matcher(ledgerId).matches()) {
      throw new IllegalArgumentException("ledger id must match " + LEDGER_ID + ": " + ledgerId);
    }
    JsonObject.Builder body =
        JsonObject.builder().put("ledgerId", ledgerId).put("hashAlg", alg.id());
    extra.members().forEach(body::put);
    Instant ts = Timestamps.truncate(clock.instant());
    return SealedEntry.seal(
        new Entry(0, ts, actor, Entry.GENESIS_TYPE, body.build(), EntryHash.ZERO), alg);
  }

  /** Seals the next entry and advances the head. */
  public SealedEntry append(String actor, String type, JsonObject body) {
    return append(actor, type, CanonicalBody.of(body));
  }

  /** Seals the next entry, whose body is canonicalized already, and advances the head. */
  public SealedEntry append(String actor, String type, CanonicalBody body) {
    Instant now = Timestamps.truncate(clock.instant());
    Instant ts = now.isBefore(headTs) ? headTs : now; // recording time never runs backwards
    SealedEntry sealed =
        SealedEntry.seal(
            new Entry(head.seq() + 1, ts, actor, type, body.body(), head.hash()), body, hasher);
    head = sealed.head();
    headTs = ts;
    return sealed;
  }

  public ChainHead head() {
    return head;
  }

  public HashAlg alg() {
    return alg;
  }
}
