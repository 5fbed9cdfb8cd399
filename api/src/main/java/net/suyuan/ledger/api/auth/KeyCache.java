package net.suyuan.ledger.api.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers valid keys for a short time so a busy writer does not pay a database round trip per
 * request. Only positive answers are kept; revoking a key on this instance drops it at once, and
 * another instance stops accepting it within the time-to-live (documented in docs/api.md).
 */
final class KeyCache {
  private static final int MAX_ENTRIES = 10_000;

  private record Cached(Caller caller, long expiresAt) {}

  private final Map<String, Cached> bySecretHash = new ConcurrentHashMap<>();
  private final long ttlNanos;
  private final LongSupplier nanoTime;

  KeyCache(Duration ttl, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
  }

  Caller get(String secretHash) {
    Cached c = bySecretHash.get(secretHash);
    if (c == null) {
      return null;
    }
    if (nanoTime.getAsLong() - c.expiresAt() > 0) {
      bySecretHash.remove(secretHash, c);
      return null;
    }
    return c.caller();
  }

  void put(String secretHash, Caller caller) {
    if (ttlNanos <= 0) {
      return;
    }
    if (bySecretHash.size() >= MAX_ENTRIES) {
      bySecretHash.clear(); // crude but bounded; refilled from the database on demand
    }
    bySecretHash.put(secretHash, new Cached(caller, nanoTime.getAsLong() + ttlNanos));
  }

  void revoked(String keyId) {
    bySecretHash.values().removeIf(c -> keyId.equals(c.caller().keyId()));
  }
}
