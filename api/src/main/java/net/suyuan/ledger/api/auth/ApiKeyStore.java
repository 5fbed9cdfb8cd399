package net.suyuan.ledger.api.auth;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The api_key table. Stores and compares only SHA-256 hashes of secrets. */
@Repository
public class ApiKeyStore {

  private final DatabaseClient db;
  private final KeyCache cache;

  public ApiKeyStore(DatabaseClient db, AuthProperties properties) {
    this.db = db;
    this.cache = new KeyCache(properties.keyCacheTtl(), System::nanoTime);
  }

  /** The caller a valid, unrevoked secret stands for; empty if none. */
  public Mono<Caller> findActive(String secret) {
    byte[] hash = KeySecrets.hash(secret);
    String cacheKey = HexFormat.of().formatHex(hash);
    Caller cached = cache.get(cacheKey);
    if (cached != null) {
      return Mono.just(cached);
    }
    return db.sql(
            "SELECT k.key_id, k.org_id, k.is_admin, o.role FROM api_key k"
                + " JOIN organization o ON o.org_id = k.org_id"
                + " WHERE k.key_hash = :hash AND k.revoked_at IS NULL")
        .bind("hash", ByteBuffer.wrap(hash))
        .map(
            row ->
                new Caller(
                    row.get("org_id", String.class),
                    Role.of(row.get("role", String.class)),
                    Boolean.TRUE.equals(row.get("is_admin", Boolean.class)),
                    row.get("key_id", String.class)))
        .one()
        .doOnNext(caller -> cache.put(cacheKey, caller));
  }

  /** Issues a key for {@code orgId}; the caller keeps the secret, we keep its hash. */
  public Mono<IssuedKey> issue(String orgId, boolean admin) {
    String keyId = KeySecrets.newKeyId();
    String secret = KeySecrets.newSecret();
    return db.sql(
            "INSERT INTO api_key (key_id, org_id, key_hash, is_admin)"
                + " VALUES (:id, :org, :hash, :admin)")
        .bind("id", keyId)
        .bind("org", orgId)
        .bind("hash", ByteBuffer.wrap(KeySecrets.hash(secret)))
        .bind("admin", admin)
        .fetch()
        .rowsUpdated()
        .thenReturn(new IssuedKey(keyId, orgId, secret));
  }

  /** Registers an operator-chosen secret (bootstrap admin key). */
  public Mono<String> register(String orgId, String secret, boolean admin) {
    String keyId = KeySecrets.newKeyId();
    return db.sql(
            "INSERT INTO api_key (key_id, org_id, key_hash, is_admin)"
                + " VALUES (:id, :org, :hash, :admin) ON CONFLICT (key_hash) DO NOTHING")
        .bind("id", keyId)
        .bind("org", orgId)
        .bind("hash", ByteBuffer.wrap(KeySecrets.hash(secret)))
        .bind("admin", admin)
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1 ? keyId : "");
  }

  /** Revokes; emits {@code false} if no such unrevoked key. */
  public Mono<Boolean> revoke(String keyId) {
    return db.sql("UPDATE api_key SET revoked_at = now() WHERE key_id = :id AND revoked_at IS NULL")
        .bind("id", keyId)
        .fetch()
        .rowsUpdated()
        .doOnNext(n -> cache.revoked(keyId))
        .map(n -> n == 1);
  }

  public Mono<Boolean> anyActiveAdmin() {
    return db.sql(
            "SELECT EXISTS (SELECT 1 FROM api_key WHERE is_admin AND revoked_at IS NULL) AS e")
        .map(row -> Boolean.TRUE.equals(row.get("e", Boolean.class)))
        .one();
  }
}
