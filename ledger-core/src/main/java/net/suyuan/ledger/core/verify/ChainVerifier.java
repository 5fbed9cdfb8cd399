package net.suyuan.ledger.core.verify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.chain.Entry;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.CanonicalScanner;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Verifies a chain entry by entry, in constant memory: each entry must be canonical (RFC 8785), a
 * well-formed v1 entry, carry the next seq, link to the previous entry's hash, and (where storage
 * keeps one) hash to the stored hash. The genesis entry fixes the hash algorithm. After the first
 * failure the verifier refuses further input: a chain is valid only up to its first bad entry.
 */
public final class ChainVerifier {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(UTF_8);

  private static final byte[] GENESIS = Entry.GENESIS_TYPE.getBytes(UTF_8);
  private static final byte[] ZERO_HEX = EntryHash.ZERO.hex().getBytes(UTF_8);

  private final EntryFields fields = new EntryFields();
  private final CanonicalScanner scanner = new CanonicalScanner();
  private final EntryTemplate template = new EntryTemplate(scanner);
  private final byte[] hash = new byte[EntryHash.LENGTH];
  private final byte[] prevHex; // hex of the previous entry's hash, as it must appear in "prev"
  private EntryHasher hasher;
  private long nextSeq;
  private long verified;
  private Failure failure;

  private ChainVerifier(long nextSeq, byte[] prevHex, HashAlg alg) {
    this.nextSeq = nextSeq;
    this.prevHex = prevHex;
    this.hasher = alg == null ? null : new EntryHasher(alg);
  }

  /** A verifier for a chain that starts at its genesis entry (seq 0). */
  public static ChainVerifier fromGenesis() {
    return new ChainVerifier(0, ZERO_HEX.clone(), null);
  }

  /** A verifier for the part of a chain after a head the auditor already trusts. */
  public static ChainVerifier after(ChainHead trusted, HashAlg alg) {
    return new ChainVerifier(
        trusted.seq() + 1, trusted.hash().hex().getBytes(UTF_8), Objects.requireNonNull(alg));
  }

  /** Verifies the next entry, given as its canonical bytes. */
  public void verify(byte[] entry) throws ChainVerificationException {
    verify(entry, 0, entry.length, null);
  }

  /**
   * Verifies the next entry.
   *
   * @param storedHash the hash storage keeps beside the entry, or null when there is none (exports)
   * @throws ChainVerificationException at the first failure, and on every call after it
   */
  public void verify(byte[] in, int offset, int length, EntryHash storedHash)
      throws ChainVerificationException {
    if (failure != null) {
      throw new ChainVerificationException(failure);
    }
    long seq = nextSeq;
    if (seq == 0 || !template.matches(in, offset, length, seq, prevHex)) {
      checkInGeneral(seq, in, offset, length);
    }
    hasher.hashInto(in, offset, length, hash);
    if (storedHash != null && !storedHash.equals(new EntryHash(hash))) {
      fail(
          seq,
          FailureKind.HASH_MISMATCH,
          "stored hash " + storedHash.hex() + ", recomputed " + HEX.formatHex(hash));
    }
    for (int i = 0; i < hash.length; i++) {
      prevHex[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xF];
      prevHex[2 * i + 1] = HEX_DIGITS[hash[i] & 0xF];
    }
    nextSeq = seq + 1;
    verified++;
  }

  /**
   * The general path: the canonical scanner over the whole entry, then each member. Throws the
   * precise failure; returns normally for a valid entry (the genesis entry always comes here).
   */
  private void checkInGeneral(long seq, byte[] in, int offset, int length)
      throws ChainVerificationException {
    fields.reset();
    int bad = scanner.scanWith(in, offset, length, fields);
    if (bad != CanonicalScanner.CANONICAL) {
      fail(seq, notCanonicalKind(in, offset, length), parseDetail(in, offset, length, bad));
    }
    String shape = fields.shapeProblem();
    if (shape != null) {
      fail(seq, FailureKind.INVALID_ENTRY, shape);
    }
    checkVersion(seq, in);
    long found = readSeq(seq, in);
    if (found != seq) {
      fail(seq, FailureKind.SEQ_GAP, "expected seq " + seq + ", found seq " + found);
    }
    checkPrev(seq, in);
    checkHeader(seq, in);
    if (seq == 0) {
      readGenesis(in);
    }
  }

  /** Entries verified so far. */
  public long verified() {
    return verified;
  }

  /** Seq the next entry must have. */
  public long nextSeq() {
    return nextSeq;
  }

  /** The last verified entry, if any was verified. */
  public Optional<ChainHead> head() {
    if (verified == 0) {
      return Optional.empty();
    }
    return Optional.of(new ChainHead(nextSeq - 1, EntryHash.fromHex(new String(prevHex, UTF_8))));
  }

  /** The hash algorithm, known once the genesis entry (or the trusted head) is given. */
  public Optional<HashAlg> alg() {
    return Optional.ofNullable(hasher).map(EntryHasher::alg);
  }

  /** The first failure, if verification has failed. */
  public Optional<Failure> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Checks that the last verified entry is the head an auditor expects (e.g. from a published
   * checkpoint); an export cut short or extended fails here.
   */
  public void verifyHead(ChainHead expected) throws ChainVerificationException {
    Optional<ChainHead> head = head();
    if (head.isEmpty() || !head.get().equals(expected)) {
      fail(
          expected.seq(),
          FailureKind.HASH_MISMATCH,
          "expected head seq "
              + expected.seq()
              + " hash "
              + expected.hash().hex()
              + ", found "
              + head.map(h -> "seq " + h.seq() + " hash " + h.hash().hex()).orElse("no entries"));
    }
  }

  private void checkVersion(long seq, byte[] in) throws ChainVerificationException {
    int s = fields.start[EntryFields.V];
    if (fields.end[EntryFields.V] - s != 1 || in[s] != '1') {
      fail(seq, FailureKind.INVALID_ENTRY, "v must be 1, found " + text(in, EntryFields.V));
    }
  }

  private long readSeq(long expected, byte[] in) throws ChainVerificationException {
    int s = fields.start[EntryFields.SEQ];
    int e = fields.end[EntryFields.SEQ];
    long value = 0;
    // Canonical integers below 10^15 are plain digits; anything else is not a valid seq here.
    if (e - s > 15) {
      fail(
          expected,
          FailureKind.INVALID_ENTRY,
          "seq is not an integer: " + text(in, EntryFields.SEQ));
    }
    for (int i = s; i < e; i++) {
      if (in[i] < '0' || in[i] > '9') {
        fail(
            expected,
            FailureKind.INVALID_ENTRY,
            "seq is not a non-negative integer: " + text(in, EntryFields.SEQ));
      }
      value = value * 10 + (in[i] - '0');
    }
    return value;
  }

  private void checkPrev(long seq, byte[] in) throws ChainVerificationException {
    int s = fields.start[EntryFields.PREV];
    int e = fields.end[EntryFields.PREV];
    if (e - s != prevHex.length + 2
        || !Arrays.equals(in, s + 1, e - 1, prevHex, 0, prevHex.length)) {
      String found = text(in, EntryFields.PREV);
      String expected = new String(prevHex, UTF_8);
      fail(
          seq,
          looksLikeHash(found) ? FailureKind.BROKEN_LINK : FailureKind.INVALID_ENTRY,
          "prev is " + found + ", expected \"" + expected + "\" (hash of seq " + (seq - 1) + ")");
    }
  }

  private void checkHeader(long seq, byte[] in) throws ChainVerificationException {
    if (!isQuoted(in, EntryFields.TS)
        || !Timestamps.isCanonical(
            in, fields.start[EntryFields.TS] + 1, fields.end[EntryFields.TS] - 1)) {
      fail(
          seq,
          FailureKind.INVALID_ENTRY,
          "ts is not RFC 3339 UTC with milliseconds: " + text(in, EntryFields.TS));
    }
    if (!isQuoted(in, EntryFields.ACTOR)
        || !Entry.isActor(
            in, fields.start[EntryFields.ACTOR] + 1, fields.end[EntryFields.ACTOR] - 1)) {
      fail(
          seq,
          FailureKind.INVALID_ENTRY,
          "actor is not an organization id: " + text(in, EntryFields.ACTOR));
    }
    if (!isQuoted(in, EntryFields.TYPE)
        || !Entry.isType(
            in, fields.start[EntryFields.TYPE] + 1, fields.end[EntryFields.TYPE] - 1)) {
      fail(
          seq,
          FailureKind.INVALID_ENTRY,
          "type is not a dotted lowercase name: " + text(in, EntryFields.TYPE));
    }
    boolean genesisType =
        Arrays.equals(
            in,
            fields.start[EntryFields.TYPE] + 1,
            fields.end[EntryFields.TYPE] - 1,
            GENESIS,
            0,
            GENESIS.length);
    if ((seq == 0) != genesisType) {
      fail(seq, FailureKind.INVALID_ENTRY, "ledger.genesis is the type of seq 0 and no other");
    }
    if (in[fields.start[EntryFields.BODY]] != '{') {
      fail(seq, FailureKind.INVALID_ENTRY, "body must be an object");
    }
  }

  private boolean isQuoted(byte[] in, int field) {
    return in[fields.start[field]] == '"';
  }

  private void readGenesis(byte[] in) throws ChainVerificationException {
    int s = fields.start[EntryFields.BODY];
    JsonObject body;
    try {
      body = (JsonObject) JsonParser.parse(in, s, fields.end[EntryFields.BODY] - s);
    } catch (JsonParseException e) {
      throw new IllegalStateException("body already scanned as canonical JSON", e);
    }
    JsonValue alg = body.get("hashAlg").orElse(null);
    Optional<HashAlg> parsed =
        alg instanceof JsonString name ? HashAlg.fromId(name.value()) : Optional.empty();
    if (parsed.isEmpty()) {
      fail(0, FailureKind.INVALID_ENTRY, "genesis body.hashAlg must be \"sha-256\" or \"sm3\"");
    }
    if (!(body.get("ledgerId").orElse(null) instanceof JsonString)) {
      fail(0, FailureKind.INVALID_ENTRY, "genesis body.ledgerId must be a string");
    }
    if (hasher != null && hasher.alg() != parsed.get()) {
      fail(0, FailureKind.INVALID_ENTRY, "genesis hashAlg differs from the expected algorithm");
    }
    hasher = new EntryHasher(parsed.get());
  }

  private String text(byte[] in, int field) {
    int s = fields.start[field];
    int len = Math.min(fields.end[field] - s, 80);
    return new String(in, s, len, UTF_8);
  }

  private static boolean looksLikeHash(String quoted) {
    return quoted.length() == 66 && quoted.matches("\"[0-9a-f]{64}\"");
  }

  private static FailureKind notCanonicalKind(byte[] in, int offset, int length) {
    try {
      JsonParser.parse(in, offset, length);
      return FailureKind.NOT_CANONICAL;
    } catch (JsonParseException e) {
      return FailureKind.UNPARSEABLE;
    }
  }

  private static String parseDetail(byte[] in, int offset, int length, int bad) {
    try {
      JsonParser.parse(in, offset, length);
      return "not in RFC 8785 canonical form from byte " + (bad - offset);
    } catch (JsonParseException e) {
      return "not JSON: "
          + e.getMessage().replaceFirst("byte \\d+$", "byte " + (e.offset() - offset));
    }
  }

  private void fail(long seq, FailureKind kind, String detail) throws ChainVerificationException {
    failure = new Failure(seq, kind, detail);
    throw new ChainVerificationException(failure);
  }
}
