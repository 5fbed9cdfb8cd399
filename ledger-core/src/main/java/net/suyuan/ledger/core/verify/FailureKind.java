package net.suyuan.ledger.core.verify;

/** Why a chain failed verification. The JSON/CLI names are the lowercase forms. */
public enum FailureKind {
  /** The bytes are not JSON, or not I-JSON. */
  UNPARSEABLE,
  /** Valid JSON, but not the RFC 8785 canonical form of itself. */
  NOT_CANONICAL,
  /**
   * Canonical JSON, but not a format v1 entry (missing or unknown members, wrong types, bad
   * genesis).
   */
  INVALID_ENTRY,
  /**
   * The entry's seq is not the one its position requires: an entry is missing, repeated or moved.
   */
  SEQ_GAP,
  /** The entry's prev is not the hash of the entry before it. */
  BROKEN_LINK,
  /** The recomputed hash differs from the hash stored beside the entry (or the expected head). */
  HASH_MISMATCH;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
