package net.suyuan.ledger.api.append;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.suyuan.ledger.core.event.EventTypes;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.LedgerView.HouseholdInfo;
import net.suyuan.ledger.core.event.LedgerView.LotInfo;
import net.suyuan.ledger.core.event.LedgerView.ProductInfo;
import net.suyuan.ledger.core.event.LedgerView.SaleInfo;
import net.suyuan.ledger.core.event.LedgerView.StandardVersionInfo;
import net.suyuan.ledger.core.event.SaleFees;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonValue;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes the projection tables of V2 for one commit group, inside its transaction: loads
 * only the rows the group's events refer to, and writes back only the rows that changed, one {@code
 * unnest} statement per table.
 */
final class StateRows {
  private StateRows() {}

  static Mono<StateOverlay> load(DatabaseClient db, String ledger, EventKeys keys) {
    StateOverlay s = new StateOverlay();
    String[] lots = keys.lots.toArray(String[]::new);
    Mono<Void> products =
        db.sql(
                "SELECT gtin, base_unit FROM product WHERE ledger_id = $1 AND (gtin = ANY($2)"
                    + " OR gtin IN (SELECT gtin FROM lot WHERE ledger_id = $1 AND lot_id = ANY($3)))")
            .bind(0, ledger)
            .bind(1, keys.gtins.toArray(String[]::new))
            .bind(2, lots)
            .map(
                r ->
                    new ProductInfo(
                        Gtin.of(r.get(0, String.class)),
                        BaseUnit.fromWire(r.get(1, String.class)).orElseThrow()))
            .all()
            .doOnNext(s::seedProduct)
            .then();
    Mono<Void> standards =
        select(
            db,
            "SELECT standard_id, version, gtin, title, grades::text FROM standard_version"
                + " WHERE ledger_id = $1 AND standard_id = ANY($2)",
            ledger,
            keys.standards,
            r ->
                standard(
                    r.get(0, String.class),
                    r.get(1, Integer.class),
                    r.get(2, String.class),
                    r.get(3, String.class),
                    r.get(4, String.class)),
            s::seedStandard);
    Mono<Void> sites =
        select(
            db,
            "SELECT base_id FROM site WHERE ledger_id = $1 AND base_id = ANY($2)",
            ledger,
            keys.sites,
            r -> BaseId.of(r.get(0, String.class)),
            s::seedSite);
    Mono<Void> households =
        select(
            db,
            "SELECT household_id, cooperative FROM household"
                + " WHERE ledger_id = $1 AND household_id = ANY($2)",
            ledger,
            keys.households,
            r ->
                new HouseholdInfo(
                    HouseholdId.of(r.get(0, String.class)), OrgId.of(r.get(1, String.class))),
            s::seedHousehold);
    Mono<Void> lotRows =
        select(
            db,
            "SELECT lot_id, gtin, remaining, harvest_lot FROM lot"
                + " WHERE ledger_id = $1 AND lot_id = ANY($2)",
            ledger,
            keys.lots,
            r ->
                new LotInfo(
                    LotId.of(r.get(0, String.class)),
                    Gtin.of(r.get(1, String.class)),
                    r.get(2, Long.class),
                    r.get(3, Boolean.class)),
            s::seedLot);
    Mono<Void> sales =
        select(
            db,
            "SELECT sale_id, lot_id, quantity, gross_fen, refunded_quantity, refunded_fen,"
                + " platform_fen, service_fen, logistics_fen, packaging_fen,"
                + " returned_platform_fen, returned_service_fen, returned_logistics_fen,"
                + " returned_packaging_fen"
                + " FROM sale WHERE ledger_id = $1 AND sale_id = ANY($2)",
            ledger,
            keys.sales,
            r ->
                new SaleInfo(
                    SaleId.of(r.get(0, String.class)),
                    LotId.of(r.get(1, String.class)),
                    r.get(2, Long.class),
                    r.get(3, Long.class),
                    r.get(4, Long.class),
                    r.get(5, Long.class),
                    fees(r, 6),
                    r.get(10, Long.class) == null ? Optional.empty() : Optional.of(fees(r, 10))),
            s::seedSale);
    Mono<Void> refunds =
        select(
            db,
            "SELECT refund_id FROM refund WHERE ledger_id = $1 AND refund_id = ANY($2)",
            ledger,
            keys.refunds,
            r -> RefundId.of(r.get(0, String.class)),
            s::seedRefund);
    return Flux.concat(products, standards, sites, households, lotRows, sales, refunds)
        .then(Mono.just(s));
  }

  /** Four fee columns from {@code at}: platform, service, logistics, packaging. */
  private static SaleFees fees(io.r2dbc.spi.Readable r, int at) {
    return new SaleFees(
        Fen.of(r.get(at, Long.class)),
        Fen.of(r.get(at + 1, Long.class)),
        Fen.of(r.get(at + 2, Long.class)),
        Fen.of(r.get(at + 3, Long.class)));
  }

  private static <T> Mono<Void> select(
      DatabaseClient db,
      String sql,
      String ledger,
      Collection<String> keys,
      Function<io.r2dbc.spi.Readable, T> mapper,
      java.util.function.Consumer<T> sink) {
    if (keys.isEmpty()) {
      return Mono.empty();
    }
    return db.sql(sql)
        .bind(0, ledger)
        .bind(1, keys.toArray(String[]::new))
        .map(mapper::apply)
        .all()
        .doOnNext(sink)
        .then();
  }

  private static StandardVersionInfo standard(
      String id, int version, String gtin, String title, String gradesJson) {
    try {
      JsonValue grades = JsonParser.parse(gradesJson);
      JsonObject body =
          JsonObject.builder()
              .put("standardId", id)
              .put("version", version)
              .put("gtin", gtin)
              .put("title", title)
              .put("grades", grades)
              .build();
      StandardPublished e = (StandardPublished) EventTypes.parse(StandardPublished.TYPE, body);
      return new StandardVersionInfo(e.standardId(), e.version(), e.gtin(), e.grades());
    } catch (JsonParseException | EventValidationException e) {
      throw new IllegalStateException("stored standard " + id + " v" + version + " unreadable", e);
    }
  }

  /** Writes the changed rows, parents before children (foreign keys). */
  /** The projection writes of a group, one statement per changed table. */
  static List<Stmt> writes(StateOverlay state) {
    StateOverlay.Changes c = state.changes();
    List<Stmt> statements = new ArrayList<>();
    if (!c.products.isEmpty()) {
      Rows r = new Rows(c.products.size());
      c.products.forEach(
          (gtin, seq) -> {
            r.text(0, gtin.value());
            r.text(1, state.product(gtin).orElseThrow().baseUnit().wire());
            r.num(2, seq);
            r.next();
          });
      statements.add(
          r.stmt(
              "INSERT INTO product (ledger_id, gtin, base_unit, seq) SELECT $1, * FROM"
                  + " unnest($2::text[], $3::text[], $4::bigint[])"));
    }
    if (!c.standards.isEmpty()) {
      Rows r = new Rows(c.standards.size());
      for (StateOverlay.Seq<StandardPublished> s : c.standards.values()) {
        StandardPublished e = s.value();
        r.text(0, e.standardId().value());
        r.num(1, e.version());
        r.text(2, e.gtin().value());
        r.text(3, e.title());
        r.text(4, new String(Jcs.canonicalize(e.toBody().get("grades").orElseThrow()), UTF_8));
        r.num(5, s.seq());
        r.next();
      }
      statements.add(
          r.stmt(
              "INSERT INTO standard_version (ledger_id, standard_id, version, gtin, title, grades,"
                  + " seq) SELECT $1, u.a, u.b::integer, u.c, u.d, u.e::jsonb, u.f FROM"
                  + " unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[],"
                  + " $7::bigint[]) AS u(a, b, c, d, e, f)"));
    }
    addIfPresent(
        statements,
        ids(
            c.sites,
            BaseId::value,
            "INSERT INTO site (ledger_id, base_id, seq) SELECT $1, * FROM"
                + " unnest($2::text[], $3::bigint[])"));
    if (!c.households.isEmpty()) {
      Rows r = new Rows(c.households.size());
      c.households.forEach(
          (id, seq) -> {
            r.text(0, id.value());
            r.text(1, state.household(id).orElseThrow().cooperative().value());
            r.num(2, seq);
            r.next();
          });
      statements.add(
          r.stmt(
              "INSERT INTO household (ledger_id, household_id, cooperative, seq) SELECT $1, *"
                  + " FROM unnest($2::text[], $3::text[], $4::bigint[])"));
    }
    if (!c.lots.isEmpty()) {
      Rows r = new Rows(c.lots.size());
      c.lots.forEach(
          (id, change) -> {
            LotInfo lot = state.lot(id).orElseThrow();
            r.text(0, id.value());
            r.text(1, lot.gtin().value());
            r.text(2, Boolean.toString(lot.harvestLot()));
            r.num(3, lot.remaining());
            // an existing lot keeps its created_seq (not updated on conflict)
            r.num(4, change.createdSeq() == 0 ? change.updatedSeq() : change.createdSeq());
            r.num(5, change.updatedSeq());
            r.next();
          });
      statements.add(
          r.stmt(
              "INSERT INTO lot (ledger_id, lot_id, gtin, harvest_lot, remaining, created_seq,"
                  + " updated_seq) SELECT $1, u.a, u.b, u.c::boolean, u.d, u.e, u.f FROM"
                  + " unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[],"
                  + " $7::bigint[]) AS u(a, b, c, d, e, f)"
                  + " ON CONFLICT (ledger_id, lot_id) DO UPDATE SET"
                  + " remaining = EXCLUDED.remaining, updated_seq = EXCLUDED.updated_seq"));
    }
    if (!c.sales.isEmpty()) {
      Rows r = new Rows(c.sales.size());
      c.sales.forEach(
          (id, seq) -> {
            SaleInfo s = state.sale(id).orElseThrow();
            r.text(0, id.value());
            r.text(1, s.lotId().value());
            r.num(2, s.quantity());
            r.num(3, s.grossFen());
            r.num(4, s.refundedQuantity());
            r.num(5, s.refundedFen());
            r.num(6, seq == 0 ? 1 : seq); // 0: existing sale, its seq is kept on conflict
            fees(r, 7, Optional.of(s.fees()));
            fees(r, 11, s.feesReturned());
            r.next();
          });
      statements.add(
          r.stmt(
              "INSERT INTO sale (ledger_id, sale_id, lot_id, quantity, gross_fen,"
                  + " refunded_quantity, refunded_fen, seq, platform_fen, service_fen,"
                  + " logistics_fen, packaging_fen, returned_platform_fen, returned_service_fen,"
                  + " returned_logistics_fen, returned_packaging_fen) SELECT $1, * FROM"
                  + " unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[],"
                  + " $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[], $11::bigint[],"
                  + " $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[])"
                  + " ON CONFLICT (ledger_id, sale_id) DO UPDATE SET"
                  + " refunded_quantity = EXCLUDED.refunded_quantity,"
                  + " refunded_fen = EXCLUDED.refunded_fen,"
                  + " returned_platform_fen = EXCLUDED.returned_platform_fen,"
                  + " returned_service_fen = EXCLUDED.returned_service_fen,"
                  + " returned_logistics_fen = EXCLUDED.returned_logistics_fen,"
                  + " returned_packaging_fen = EXCLUDED.returned_packaging_fen"));
    }
    if (!c.refunds.isEmpty()) {
      Rows r = new Rows(c.refunds.size());
      for (StateOverlay.Seq<net.suyuan.ledger.core.event.SaleRefunded> s : c.refunds.values()) {
        r.text(0, s.value().refundId().value());
        r.text(1, s.value().saleId().value());
        r.num(2, s.value().quantity().value());
        r.num(3, s.value().amountFen().value());
        r.num(4, s.seq());
        r.next();
      }
      statements.add(
          r.stmt(
              "INSERT INTO refund (ledger_id, refund_id, sale_id, quantity, amount_fen, seq)"
                  + " SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[],"
                  + " $5::bigint[], $6::bigint[])"));
    }
    return statements;
  }

  private static void addIfPresent(List<Stmt> statements, Stmt s) {
    if (s != null) {
      statements.add(s);
    }
  }

  private static <K> Stmt ids(Map<K, Long> rows, Function<K, String> id, String sql) {
    if (rows.isEmpty()) {
      return null;
    }
    Rows r = new Rows(rows.size());
    rows.forEach(
        (k, seq) -> {
          r.text(0, id.apply(k));
          r.num(1, seq);
          r.next();
        });
    return r.stmt(sql);
  }

  /** Four fee columns from {@code at}, NULL when {@code fees} is empty. */
  private static void fees(Rows r, int at, Optional<SaleFees> fees) {
    r.numOrNull(at, fees.map(f -> f.platformFen().value()).orElse(null));
    r.numOrNull(at + 1, fees.map(f -> f.serviceFen().value()).orElse(null));
    r.numOrNull(at + 2, fees.map(f -> f.logisticsFen().value()).orElse(null));
    r.numOrNull(at + 3, fees.map(f -> f.packagingFen().value()).orElse(null));
  }

  /** Column arrays for one unnest statement; columns are text or bigint. */
  private static final class Rows {
    private final int n;
    private final Map<Integer, Object[]> columns = new java.util.TreeMap<>();
    private int row;

    Rows(int n) {
      this.n = n;
    }

    void text(int column, String value) {
      columns.computeIfAbsent(column, c -> new String[n])[row] = value;
    }

    void num(int column, long value) {
      columns.computeIfAbsent(column, c -> new Long[n])[row] = value;
    }

    void numOrNull(int column, Long value) {
      columns.computeIfAbsent(column, c -> new Long[n])[row] = value;
    }

    void next() {
      row++;
    }

    Stmt stmt(String sql) {
      return new Stmt(sql, columns.values().toArray());
    }
  }
}
