package net.suyuan.ledger.api.auth;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The organization table. */
@Repository
public class OrganizationStore {

  private final DatabaseClient db;

  public OrganizationStore(DatabaseClient db) {
    this.db = db;
  }

  /** Inserts; emits {@code false} if the id is taken. */
  public Mono<Boolean> insertIfAbsent(String orgId, String name, Role role) {
    return db.sql(
            "INSERT INTO organization (org_id, name, role) VALUES (:id, :name, :role)"
                + " ON CONFLICT (org_id) DO NOTHING")
        .bind("id", orgId)
        .bind("name", name)
        .bind("role", role.value())
        .fetch()
        .rowsUpdated()
        .map(n -> n == 1);
  }

  public Mono<Organization> find(String orgId) {
    return db.sql("SELECT org_id, name, role, created_at FROM organization WHERE org_id = :id")
        .bind("id", orgId)
        .map(OrganizationStore::organization)
        .one();
  }

  /**
   * At most {@code limit} organizations with ids after {@code after} ("" for the first page), in id
   * order: the primary key's order, so each page is one index range scan.
   */
  public Mono<List<Organization>> page(String after, int limit) {
    return db.sql(
            "SELECT org_id, name, role, created_at FROM organization WHERE org_id > :after"
                + " ORDER BY org_id LIMIT :limit")
        .bind("after", after)
        .bind("limit", limit)
        .map(OrganizationStore::organization)
        .all()
        .collectList();
  }

  private static Organization organization(Readable row) {
    return new Organization(
        row.get("org_id", String.class),
        row.get("name", String.class),
        Role.of(row.get("role", String.class)),
        row.get("created_at", OffsetDateTime.class));
  }
}
