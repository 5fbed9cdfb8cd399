package net.suyuan.ledger.core.income;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.HouseholdId;

/**
 * One household's figures over a date range, all in fen: sales income (sales net of fees, less
 * refund reversals), wages, net income (sales + wages), paid out, and owed (net income - paid out,
 * over the same range). {@code byChannel} holds sales income per channel (every channel, 0 when
 * none); {@code byMonth} the months with lines, ascending.
 */
public record HouseholdIncome(
    HouseholdId householdId,
    DateRange range,
    long salesIncomeFen,
    long wagesFen,
    long paidOutFen,
    Map<Channel, Long> byChannel,
    List<MonthIncome> byMonth) {
  public HouseholdIncome {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(range, "range");
    byChannel = Collections.unmodifiableMap(new EnumMap<>(byChannel));
    byMonth = List.copyOf(byMonth);
  }

  public long netIncomeFen() {
    return Math.addExact(salesIncomeFen, wagesFen);
  }

  public long owedFen() {
    return Math.subtractExact(netIncomeFen(), paidOutFen);
  }

  /** One month's figures. */
  public record MonthIncome(YearMonth month, long salesIncomeFen, long wagesFen, long paidOutFen) {
    public long netIncomeFen() {
      return Math.addExact(salesIncomeFen, wagesFen);
    }
  }

  /** A summary figure, and which lines it adds up. */
  public enum Figure {
    SALES_INCOME(k -> k.ofSale()),
    WAGES(k -> k == IncomeKind.WAGE),
    NET_INCOME(IncomeKind::income),
    PAID_OUT(k -> k == IncomeKind.PAYOUT),
    OWED(k -> true);

    private final Predicate<IncomeKind> kinds;

    Figure(Predicate<IncomeKind> kinds) {
      this.kinds = kinds;
    }

    public boolean includes(IncomeKind kind) {
      return kinds.test(kind);
    }
  }

  /** Sums the household's lines dated within {@code range}; other lines are ignored. */
  public static HouseholdIncome summarize(
      HouseholdId householdId, DateRange range, Iterable<IncomeLine> lines) {
    long sales = 0;
    long wages = 0;
    long paid = 0;
    Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      byChannel.put(c, 0L);
    }
    TreeMap<YearMonth, long[]> months = new TreeMap<>();
    for (IncomeLine line : lines) {
      if (!line.householdId().equals(householdId) || !range.contains(line.date())) {
        continue;
      }
      long[] month = months.computeIfAbsent(line.month(), m -> new long[3]);
      long amount = line.amountFen();
      int slot;
      if (line.kind().ofSale()) {
        sales = Math.addExact(sales, amount);
        byChannel.merge(line.channel().orElseThrow(), amount, Math::addExact);
        slot = 0;
      } else if (line.kind() == IncomeKind.WAGE) {
        wages = Math.addExact(wages, amount);
        slot = 1;
      } else {
        paid = Math.addExact(paid, amount);
        slot = 2;
      }
      month[slot] = Math.addExact(month[slot], amount);
    }
    List<MonthIncome> byMonth = new ArrayList<>(months.size());
    months.forEach((m, v) -> byMonth.add(new MonthIncome(m, v[0], v[1], v[2])));
    return new HouseholdIncome(householdId, range, sales, wages, paid, byChannel, byMonth);
  }

  /**
   * The entry seqs behind {@code figure} for this household and range, ascending, each once: what
   * {@code ?detail=entries} lists. The figure is the sum of those lines' amounts (PAYOUT lines
   * counted negative for OWED).
   */
  public static List<Long> seqsBehind(
      Figure figure, HouseholdId householdId, DateRange range, Iterable<IncomeLine> lines) {
    java.util.TreeSet<Long> seqs = new java.util.TreeSet<>();
    for (IncomeLine line : lines) {
      if (line.householdId().equals(householdId)
          && range.contains(line.date())
          && figure.includes(line.kind())) {
        seqs.add(line.seq());
      }
    }
    return List.copyOf(seqs);
  }
}
