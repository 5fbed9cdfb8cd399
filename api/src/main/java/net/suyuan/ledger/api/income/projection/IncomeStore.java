package net.suyuan.ledger.api.income.projection;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The read side of the income tables (R2DBC). Each figure comes from ONE statement that also reads
 * the watermark, so the {@code asOfSeq} a response reports is the snapshot its sums were taken in.
 * Household sums use {@code income_line_household_idx}; program sums read only the rollups of the
 * program's products.
 */
@Repository
public class IncomeStore {
  /**
   * The watermark, the hash of its entry as verified when it was applied, and the ledger head:
   * three columns every figure's statement reads beside its sums (one snapshot).
   */
  private static final String AS_OF =
      "coalesce((SELECT seq FROM income_watermark WHERE ledger_id = $1), -1) AS as_of,"
          + " (SELECT encode(hash, 'hex') FROM income_watermark WHERE ledger_id = $1) AS as_of_hash,"
          + " coalesce((SELECT head_seq FROM ledger WHERE ledger_id = $1), -1) AS head_seq";

  private static final String HOUSEHOLD =
      "SELECT w.as_of, w.as_of_hash, w.head_seq, x.month, x.kind, x.channel, x.amount,"
          + " x.seqs FROM (SELECT "
          + AS_OF
          + ") w LEFT JOIN (SELECT to_char(occurred_date, 'YYYY-MM') AS month, kind,"
          + " channel, sum(amount_fen)::bigint AS amount,"
          + " CASE WHEN $5 THEN array_agg(seq ORDER BY seq) END AS seqs"
          + " FROM income_line WHERE ledger_id = $1 AND household_id = $2"
          + " AND occurred_date BETWEEN $3 AND $4 GROUP BY 1, 2, 3) x ON true";

  /**
   * Rows: 'c' per year and channel (revenue sums of the program's products, households reached and
   * their income), 't' per year (participating households, their net income), 'w' the number of the
   * program's products. Reads only rollups: a few dozen rows whatever the ledger's length.
   */
  private static final String PROGRAM =
      """
      WITH g AS (SELECT gtin FROM income_product WHERE ledger_id = $1 AND org_id = $2),
      rev AS (
        SELECT extract(year FROM month)::int AS year, channel, sum(gross_fen)::bigint AS gross,
               sum(refunded_fen)::bigint AS refunded, sum(net_fen)::bigint AS net,
               sum(quantity_sold)::bigint AS qty
        FROM income_revenue_month
        WHERE ledger_id = $1 AND gtin IN (SELECT gtin FROM g)
          AND month >= make_date($3 - 1, 1, 1) AND month <= make_date($3, 12, 1)
        GROUP BY 1, 2),
      hc AS (
        SELECT year, channel, households_reached AS reached, household_income_fen AS income
        FROM income_program_channel_year
        WHERE ledger_id = $1 AND org_id = $2 AND year BETWEEN $3 - 1 AND $3)
      SELECT 'c' AS row, coalesce(r.year, h.year) AS year, coalesce(r.channel, h.channel) AS channel,
             r.gross, r.refunded, r.net, r.qty, h.reached, h.income, NULL::bigint AS households,
             NULL::bigint AS net_income, %s
      FROM rev r FULL JOIN hc h ON h.year = r.year AND h.channel = r.channel
      UNION ALL
      SELECT 't', year, NULL, NULL, NULL, NULL, NULL, NULL, NULL, households, net_income_fen, %s
      FROM income_program_year WHERE ledger_id = $1 AND org_id = $2 AND year BETWEEN $3 - 1 AND $3
      UNION ALL
      SELECT 'w', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM g), NULL, %s
      """
          .formatted(AS_OF, AS_OF, AS_OF);

  /**
   * Rows 'p': the program's products (or the one product {@code $4}), the first {@code $5} in GTIN
   * byte order, each with its year's sales per channel (channel null if none). Rows 'n': per
   * channel, how many of all the program's products sold in it that year, listed or not, so a
   * response can say how many it left out. At most {@code $5} × 4 + 4 rows however many products a
   * program registers.
   */
  private static final String PRICES =
      """
      WITH g AS (
        SELECT gtin, base_unit, reference_fen, reference_per FROM income_product
        WHERE ledger_id = $1 AND (org_id = $2 OR gtin = $4)),
      r AS (
        SELECT gtin, channel, sum(gross_fen) AS gross, sum(quantity_sold) AS qty
        FROM income_revenue_month
        WHERE ledger_id = $1 AND gtin IN (SELECT gtin FROM g)
          AND month BETWEEN make_date($3, 1, 1) AND make_date($3, 12, 1)
        GROUP BY 1, 2),
      listed AS (SELECT * FROM g ORDER BY gtin COLLATE "C" LIMIT $5)
      SELECT 'p' AS row, p.gtin COLLATE "C" AS gtin, p.base_unit, p.reference_fen, p.reference_per,
             r.channel, r.gross::bigint, r.qty::bigint, NULL::bigint AS sold, %s
      FROM listed p LEFT JOIN r ON r.gtin = p.gtin
      UNION ALL
      SELECT 'n', NULL, NULL, NULL, NULL, channel, NULL, NULL, count(*) FILTER (WHERE qty > 0), %s
      FROM r GROUP BY channel
      ORDER BY 1, 2, 6
      """
          .formatted(AS_OF, AS_OF);

  // Pages follow byte order (COLLATE "C"), the order ProgramController sorts ids in (String
  // compareTo over ASCII ids), whatever the database's collation: else an en_US database would
  // order "a-2" / "a1" differently and a page boundary could skip or repeat a household.
  private static final String HOUSEHOLDS_CSV =
      """
      WITH g AS (SELECT gtin FROM income_product WHERE ledger_id = $1 AND org_id = $2),
      page AS (
        SELECT DISTINCT y.household_id COLLATE "C" AS household_id
        FROM income_household_gtin_year y
        LEFT JOIN household hh ON hh.ledger_id = $1 AND hh.household_id = y.household_id
        WHERE y.ledger_id = $1 AND y.gtin IN (SELECT gtin FROM g) AND y.year = $3
          AND y.household_id COLLATE "C" > $4 AND ($6 = '' OR hh.cooperative = $6)
        ORDER BY 1
        LIMIT $5),
      hc AS (
        SELECT household_id, channel, sum(sales_income_fen)::bigint AS income
        FROM income_household_gtin_year
        WHERE ledger_id = $1 AND gtin IN (SELECT gtin FROM g) AND year = $3
          AND household_id IN (SELECT household_id FROM page)
        GROUP BY 1, 2)
      SELECT hc.household_id, h.cooperative, hc.channel, hc.income,
             coalesce(y.wages_fen, 0) AS wages, coalesce(y.paid_out_fen, 0) AS paid_out, %s
      FROM hc
      LEFT JOIN household h ON h.ledger_id = $1 AND h.household_id = hc.household_id
      LEFT JOIN income_household_year y
        ON y.ledger_id = $1 AND y.household_id = hc.household_id AND y.year = $3
      """
          .formatted(AS_OF);

  /** One (month, kind, channel) sum of a household's lines, with its seqs when asked for. */
  public record HouseholdRow(String month, String kind, String channel, long amount, Long[] seqs) {}

  /**
   * What a figure was computed from: the watermark {@code seq}, the hash of that entry as verified
   * when it was applied (hex; null before any, or for tables written before it was recorded), and
   * the ledger head, all read in the figure's own statement.
   */
  public record AsOf(long seq, String hash, long headSeq) {
    static AsOf of(Readable r) {
      return new AsOf(
          longOr0(r, "as_of"), r.get("as_of_hash", String.class), longOr0(r, "head_seq"));
    }
  }

  /** The sums (who may see them is decided before: {@code auth.OwnHouseholdsOnly}). */
  public record HouseholdRows(AsOf asOf, List<HouseholdRow> rows) {
    public long asOfSeq() {
      return asOf.seq();
    }
  }

  /** A program row: see {@link #PROGRAM}; absent sums are 0. */
  public record ProgramRow(
      String row,
      int year,
      String channel,
      long gross,
      long refunded,
      long net,
      long quantity,
      long reached,
      long income,
      long households,
      long netIncome,
      AsOf asOf) {
    public long asOfSeq() {
      return asOf.seq();
    }
  }

  /** A product with its sales (gross, quantity) in one channel and year; channel null if none. */
  public record PriceRow(
      String gtin,
      String baseUnit,
      Long referenceFen,
      Long referencePer,
      String channel,
      long gross,
      long quantity,
      AsOf asOf) {
    public long asOfSeq() {
      return asOf.seq();
    }
  }

  /** How many of a program's products sold in {@code channel} in the year. */
  record SoldProducts(String channel, long products) {}

  /** The listed products' rows (GTIN order) and, per channel wire name, the products sold there. */
  public record Prices(List<PriceRow> rows, Map<String, Long> soldProducts) {
    static Prices of(List<Record> all) {
      List<PriceRow> rows = new ArrayList<>();
      Map<String, Long> sold = new HashMap<>();
      for (Record r : all) {
        if (r instanceof PriceRow p) {
          rows.add(p);
        } else if (r instanceof SoldProducts n) {
          sold.put(n.channel(), n.products());
        }
      }
      return new Prices(List.copyOf(rows), Map.copyOf(sold));
    }
  }

  public record CsvRow(
      String householdId,
      String cooperative,
      String channel,
      long income,
      long wages,
      long paidOut,
      AsOf asOf) {
    public long asOfSeq() {
      return asOf.seq();
    }
  }

  private final DatabaseClient db;
  private final String ledgerId;

  IncomeStore(DatabaseClient db, LedgerInfo ledger) {
    this.db = db;
    this.ledgerId = ledger.ledgerId();
  }

  public Mono<HouseholdRows> household(
      String householdId, LocalDate from, LocalDate to, boolean seqs) {
    return db.sql(HOUSEHOLD)
        .bind(0, ledgerId)
        .bind(1, householdId)
        .bind(2, from)
        .bind(3, to)
        .bind(4, seqs)
        .map(
            r ->
                new Object[] {
                  AsOf.of(r),
                  r.get("month", String.class) == null
                      ? null
                      : new HouseholdRow(
                          r.get("month", String.class),
                          r.get("kind", String.class),
                          r.get("channel", String.class),
                          r.get("amount", Long.class),
                          seqs ? r.get("seqs", Long[].class) : null)
                })
        .all()
        .collectList()
        .map(
            rows ->
                new HouseholdRows(
                    (AsOf) rows.get(0)[0],
                    rows.stream()
                        .filter(o -> o[1] != null)
                        .map(o -> (HouseholdRow) o[1])
                        .toList()));
  }

  /** How many income lines the household has in the period (an index-only count). */
  public Mono<Long> lineCount(String householdId, LocalDate from, LocalDate to) {
    return db.sql(
            "SELECT count(*) AS n FROM income_line WHERE ledger_id = $1"
                + " AND household_id = $2 AND occurred_date BETWEEN $3 AND $4")
        .bind(0, ledgerId)
        .bind(1, householdId)
        .bind(2, from)
        .bind(3, to)
        .map(r -> r.get("n", Long.class))
        .one();
  }

  public Mono<List<ProgramRow>> program(String orgId, int year) {
    return db.sql(PROGRAM)
        .bind(0, ledgerId)
        .bind(1, orgId)
        .bind(2, year)
        .map(
            r ->
                new ProgramRow(
                    r.get("row", String.class),
                    intOr0(r, "year"),
                    r.get("channel", String.class),
                    longOr0(r, "gross"),
                    longOr0(r, "refunded"),
                    longOr0(r, "net"),
                    longOr0(r, "qty"),
                    longOr0(r, "reached"),
                    longOr0(r, "income"),
                    longOr0(r, "households"),
                    longOr0(r, "net_income"),
                    AsOf.of(r)))
        .all()
        .collectList();
  }

  /**
   * The program's products (or the one product {@code gtin}), at most {@code maxProducts} in GTIN
   * order, with their sales per channel, and per channel the number of all its products sold there.
   */
  public Mono<Prices> prices(String orgId, String gtin, int year, int maxProducts) {
    return db.sql(PRICES)
        .bind(0, ledgerId)
        .bind(1, orgId == null ? "" : orgId)
        .bind(2, year)
        .bind(3, gtin == null ? "" : gtin)
        .bind(4, maxProducts)
        .map(IncomeStore::priceOrSold)
        .all()
        .collectList()
        .map(Prices::of);
  }

  private static Record priceOrSold(Readable r) {
    if (!"p".equals(r.get("row", String.class))) {
      return new SoldProducts(r.get("channel", String.class), longOr0(r, "sold"));
    }
    return new PriceRow(
        r.get("gtin", String.class),
        r.get("base_unit", String.class),
        r.get("reference_fen", Long.class),
        r.get("reference_per", Long.class),
        r.get("channel", String.class),
        longOr0(r, "gross"),
        longOr0(r, "qty"),
        AsOf.of(r));
  }

  /**
   * The rows of at most {@code households} households with ids after {@code after} ("" for the
   * first page), in id order; only {@code cooperative}'s when it is not empty.
   */
  public Mono<List<CsvRow>> householdsCsv(
      String orgId, int year, String after, int households, String cooperative) {
    return db.sql(HOUSEHOLDS_CSV)
        .bind(0, ledgerId)
        .bind(1, orgId)
        .bind(2, year)
        .bind(3, after)
        .bind(4, households)
        .bind(5, cooperative)
        .map(
            r ->
                new CsvRow(
                    r.get("household_id", String.class),
                    r.get("cooperative", String.class),
                    r.get("channel", String.class),
                    longOr0(r, "income"),
                    longOr0(r, "wages"),
                    longOr0(r, "paid_out"),
                    AsOf.of(r)))
        .all()
        .collectList();
  }

  /** The current watermark (for responses with no rows). */
  public Mono<AsOf> watermark() {
    return db.sql("SELECT " + AS_OF).bind(0, ledgerId).map(AsOf::of).one();
  }

  private static long longOr0(Readable r, String column) {
    Number n = r.get(column, Number.class);
    return n == null ? 0 : n.longValue();
  }

  private static int intOr0(Readable r, String column) {
    Number n = r.get(column, Number.class);
    return n == null ? 0 : n.intValue();
  }
}
