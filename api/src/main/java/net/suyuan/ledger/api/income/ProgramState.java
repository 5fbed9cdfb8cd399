package net.suyuan.ledger.api.income;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.suyuan.ledger.core.income.IncomeKind;
import net.suyuan.ledger.core.income.IncomeLine;

/**
 * Who takes part in which program, kept beside the attribution so the program rollups can be
 * maintained incrementally (docs/income.md, "Programs"): a household joins program P in year Y with
 * its first sale or refund line of one of P's products dated in Y, which adds it to P's households
 * and its wages of Y so far to P's net income; a later wage of Y is added to every program it takes
 * part in that year. Rebuilt by replay like the attribution. Not thread-safe.
 */
final class ProgramState {
  private record Member(String org, int year, String household) {}

  private record Reach(String org, int year, String channel, String household) {}

  private record HouseholdYear(String household, int year) {}

  private final Map<String, String> programOf = new HashMap<>(); // gtin -> org
  private final Set<Member> members = new HashSet<>();
  private final Set<Reach> reached = new HashSet<>();
  private final Map<HouseholdYear, Long> wages = new HashMap<>();
  private final Map<HouseholdYear, Set<String>> programs = new HashMap<>();

  void product(ProductRow p) {
    programOf.put(p.gtin(), p.orgId());
  }

  /** Applies a line; its program rollup deltas go to {@code out} (null: state only). */
  void line(IncomeLine line, Rollups out) {
    String household = line.householdId().value();
    int year = line.date().getYear();
    HouseholdYear hy = new HouseholdYear(household, year);
    if (line.kind() == IncomeKind.WAGE) {
      wages.merge(hy, line.amountFen(), Math::addExact);
      for (String org : programs.getOrDefault(hy, Set.of())) {
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
    if (members.add(new Member(org, year, household))) {
      programs.computeIfAbsent(hy, k -> new HashSet<>()).add(org);
      add(out, org, year, 1, wages.getOrDefault(hy, 0L));
    }
    add(out, org, year, 0, line.amountFen());
    String channel = sale.channel().wire();
    long newlyReached =
        line.kind() == IncomeKind.SALE && reached.add(new Reach(org, year, channel, household))
            ? 1
            : 0;
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
