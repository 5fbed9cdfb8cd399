package net.suyuan.ledger.api.household;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The household_profile table (personal data, outside the hash chain). */
@Repository
public class HouseholdProfileStore {

  private static final String COLUMNS =
      "household_id, cooperative_org_id, display_name, phone, id_number, village, updated_at";

  private final DatabaseClient db;

  public HouseholdProfileStore(DatabaseClient db) {
    this.db = db;
  }

  public Mono<HouseholdProfile> find(String householdId) {
    return db.sql("SELECT " + COLUMNS + " FROM household_profile WHERE household_id = :id")
        .bind("id", householdId)
        .map(HouseholdProfileStore::toProfile)
        .one();
  }

  /**
   * Inserts or updates in one statement, owned by {@code cooperativeOrgId}: the enrolling
   * cooperative ({@code ledger.Enrollments}), checked by the caller. A row left with another owner
   * (before ownership came from the ledger) is taken back.
   */
  public Mono<HouseholdProfile> upsert(
      String householdId, String cooperativeOrgId, ProfileRequest p) {
    String sql =
        "INSERT INTO household_profile (household_id, cooperative_org_id, display_name, phone,"
            + " id_number, village) VALUES (:id, :coop, :name, :phone, :idn, :village)"
            + " ON CONFLICT (household_id) DO UPDATE SET"
            + " cooperative_org_id = EXCLUDED.cooperative_org_id,"
            + " display_name = EXCLUDED.display_name, phone = EXCLUDED.phone,"
            + " id_number = EXCLUDED.id_number, village = EXCLUDED.village, updated_at = now()"
            + " RETURNING "
            + COLUMNS;
    DatabaseClient.GenericExecuteSpec spec =
        db.sql(sql).bind("id", householdId).bind("coop", cooperativeOrgId);
    spec = bindNullable(spec, "name", p.displayName());
    spec = bindNullable(spec, "phone", p.phone());
    spec = bindNullable(spec, "idn", p.idNumber());
    spec = bindNullable(spec, "village", p.village());
    return spec.map(HouseholdProfileStore::toProfile).one();
  }

  private static DatabaseClient.GenericExecuteSpec bindNullable(
      DatabaseClient.GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }

  private static HouseholdProfile toProfile(Readable row) {
    return new HouseholdProfile(
        row.get("household_id", String.class),
        row.get("cooperative_org_id", String.class),
        row.get("display_name", String.class),
        row.get("phone", String.class),
        row.get("id_number", String.class),
        row.get("village", String.class),
        row.get("updated_at", OffsetDateTime.class));
  }
}
