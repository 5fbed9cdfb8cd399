package net.suyuan.ledger.api.income.projection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import net.suyuan.ledger.core.income.IncomeKind;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;

/**
 * Sums of lines by the keys of the rollup tables (V4__income.sql): per product, channel and month
 * ({@code income_revenue_month}), per product, year, channel and household ({@code
 * income_household_gtin_year}) and per household and year ({@code income_household_year}). The
 * projector keeps one per batch (the deltas it adds to the tables), the replay one for the whole
 * ledger (what the tables must hold).
 */
public final class Rollups {
  /** Columns of income_revenue_month, in this order. */
  public static final String[] REVENUE_MONTH = {
    "gross_fen",
    "refunded_fen",
    "fees_fen",
    "net_fen",
    "quantity_sold",
    "quantity_refunded",
    "sales",
    "refunds"
  };

  /** Columns of income_household_gtin_year, in this order. */
  public static final String[] HOUSEHOLD_GTIN_YEAR = {
    "sales_income_fen", "sale_lines", "refund_lines"
  };

  /** Columns of income_household_year, in this order. */
  public static final String[] HOUSEHOLD_YEAR = {"sales_income_fen", "wages_fen", "paid_out_fen"};

  /** Columns of income_program_year, in this order. */
  public static final String[] PROGRAM_YEAR = {"households", "net_income_fen"};

  /** Columns of income_program_channel_year, in this order. */
  public static final String[] PROGRAM_CHANNEL_YEAR = {
    "households_reached", "household_income_fen"
  };

  public record ProgramKey(String org, int year) {}

  public record ProgramChannelKey(String org, int year, String channel) {}

  public record MonthKey(String gtin, String channel, LocalDate month) {}

  /**
   * The record's own hash (31 * h + next, component by component) collides systematically here:
   * household ids differ in a few digits, and 31^k differences in them equal the differences of two
   * GTINs or years, so hundreds of thousands of keys fell into treeified buckets. Mixed instead.
   */
  public record GtinYearKey(String gtin, int year, String channel, String householdId) {
    @Override
    public int hashCode() {
      return mix(mix(mix(householdId.hashCode(), gtin.hashCode()), channel.hashCode()), year);
    }
  }

  public record YearKey(String householdId, int year) {
    @Override
    public int hashCode() {
      return mix(householdId.hashCode(), year);
    }
  }

  /** Combines two hashes through a multiply by an odd constant and a xor-shift (MurmurHash3). */
  static int mix(int h, int next) {
    int x = (h ^ next) * 0x9E3779B9 + next;
    return x ^ (x >>> 16);
  }

  public final Map<MonthKey, long[]> revenueMonth = new HashMap<>();
  public final Map<GtinYearKey, long[]> householdGtinYear = new HashMap<>();
  public final Map<YearKey, long[]> householdYear = new HashMap<>();
  public final Map<ProgramKey, long[]> programYear = new HashMap<>();
  public final Map<ProgramChannelKey, long[]> programChannelYear = new HashMap<>();

  public void add(RevenueLine r) {
    MonthKey key =
        new MonthKey(
            r.sale().gtin().value(), r.sale().channel().wire(), r.date().withDayOfMonth(1));
    long[] v = revenueMonth.computeIfAbsent(key, k -> new long[REVENUE_MONTH.length]);
    if (r.kind() == IncomeKind.SALE) {
      v[0] = Math.addExact(v[0], r.grossFen());
      v[4] = Math.addExact(v[4], r.quantity());
      v[6]++;
    } else {
      v[1] = Math.subtractExact(v[1], r.grossFen());
      v[5] = Math.subtractExact(v[5], r.quantity());
      v[7]++;
    }
    v[2] = Math.addExact(v[2], r.feesFen());
    v[3] = Math.addExact(v[3], r.netFen());
  }

  public void add(IncomeLine line) {
    String household = line.householdId().value();
    int year = line.date().getYear();
    long[] y = householdYear.computeIfAbsent(new YearKey(household, year), k -> new long[3]);
    int slot =
        line.kind().ofSale()
            ? 0
            : line.kind() == IncomeKind.WAGE ? 1 : 2; // PAYOUT: paid out, not income
    y[slot] = Math.addExact(y[slot], line.amountFen());
    line.sale()
        .ifPresent(
            sale -> {
              GtinYearKey key =
                  new GtinYearKey(sale.gtin().value(), year, sale.channel().wire(), household);
              long[] g = householdGtinYear.computeIfAbsent(key, k -> new long[3]);
              g[0] = Math.addExact(g[0], line.amountFen());
              g[line.kind() == IncomeKind.SALE ? 1 : 2]++;
            });
  }

  boolean isEmpty() {
    return revenueMonth.isEmpty()
        && householdGtinYear.isEmpty()
        && householdYear.isEmpty()
        && programYear.isEmpty()
        && programChannelYear.isEmpty();
  }
}
