package net.suyuan.ledger.api.income.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.income.IncomeKind;
import net.suyuan.ledger.core.income.IncomeLine;

/**
 * Who takes part in which program, kept beside the attribution so the program rollups can be
 * maintained incrementally (docs/income.md, "Participating household"): a household joins program P
 * in year Y with its first sale or refund line of one of P's products dated in Y, which adds it to
 * P's households and its wages of Y so far to P's net income; a later wage of Y is added to every
 * program it takes part in that year. Rebuilt by replay like the attribution. Not thread-safe.
 */
final class ProgramState {
  /**
   * One household's participation, by year. Lists, not sets of composite keys: a household has
   * lines in a few years, programs and channels, so a linear scan over them beats hashing a (org,
   * year, channel, household) key for every line, which was most of a replay's time.
   */
  private static final class Household {
    final List<Year> years = new ArrayList<>(2);

    Year year(int year) {
      for (Year y : years) {
        if (y.year == year) {
          return y;
        }
      }
      Year y = new Year(year);
      years.add(y);
      return y;
    }
  }

  private static final class Year {
    final int year;
    long wages;
    final List<String> programs = new ArrayList<>(2); // joined this year, in joining order
    final List<String> reachedOrg = new ArrayList<>(4); // with reachedChannel: (org, channel)
    final List<String> reachedChannel = new ArrayList<>(4);

    Year(int year) {
      this.year = year;
    }

    /** Adds (org, channel) to the reached pairs; false if it was there. */
    boolean reach(String org, String channel) {
      for (int i = 0; i < reachedOrg.size(); i++) {
        if (reachedOrg.get(i).equals(org) && reachedChannel.get(i).equals(channel)) {
          return false;
        }
      }
      reachedOrg.add(org);
      reachedChannel.add(channel);
      return true;
    }
  }

  private final Map<String, String> programOf = new HashMap<>(); // gtin -> org
  private final Map<String, Household> households = new HashMap<>();

  void product(ProductRow p) {
    programOf.put(p.gtin(), p.orgId());
  }

  /** Applies a line; its program rollup deltas go to {@code out} (null: state only). */
  void line(IncomeLine line, Rollups out) {
    String household = line.householdId().value();
    int year = line.date().getYear();
    if (line.kind() == IncomeKind.WAGE) {
      Year y = households.computeIfAbsent(household, k -> new Household()).year(year);
      y.wages = Math.addExact(y.wages, line.amountFen());
      for (String org : y.programs) {
        add(out, org, year, 0, line.amountFen());
      }
      return;
    }
    if (!line.kind().ofSale()) {
      return; // payouts are not income
    }
    var sale = line.sale().orElseThrow();
    String org = programOf.get(sale.gtin().value());
    if (org == null) {
      throw new IllegalStateException("product " + sale.gtin() + " was never registered");
    }
    Year y = households.computeIfAbsent(household, k -> new Household()).year(year);
    if (!y.programs.contains(org)) {
      y.programs.add(org);
      add(out, org, year, 1, y.wages);
    }
    add(out, org, year, 0, line.amountFen());
    String channel = sale.channel().wire();
    long newlyReached = line.kind() == IncomeKind.SALE && y.reach(org, channel) ? 1 : 0;
    if (out != null) {
      long[] c =
          out.programChannelYear.computeIfAbsent(
              new Rollups.ProgramChannelKey(org, year, channel), k -> new long[2]);
      c[0] += newlyReached;
      c[1] = Math.addExact(c[1], line.amountFen());
    }
  }

  private static void add(Rollups out, String org, int year, long households, long income) {
    if (out == null) {
      return;
    }
    long[] v = out.programYear.computeIfAbsent(new Rollups.ProgramKey(org, year), k -> new long[2]);
    v[0] += households;
    v[1] = Math.addExact(v[1], income);
  }
}
