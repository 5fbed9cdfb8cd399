package net.suyuan.ledger.api.income.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.suyuan.ledger.api.income.projection.IncomeRows;
import net.suyuan.ledger.api.income.projection.IncomeStore;
import net.suyuan.ledger.api.income.projection.IncomeStore.HouseholdRow;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.income.IncomeKind;

/**
 * The JSON of {@code GET /api/v1/households/{id}/income}: the figures of core {@code
 * HouseholdIncome} (docs/income.md, "Household summary") summed from the stored lines, and with
 * {@code detail=entries} the entry seqs behind each figure.
 */
final class HouseholdIncomeView {
  private HouseholdIncomeView() {}

  static Map<String, Object> of(
      String householdId,
      LocalDate from,
      LocalDate to,
      IncomeStore.HouseholdRows data,
      boolean detail) {
    long sales = 0;
    long wages = 0;
    long paid = 0;
    Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
    Map<Channel, TreeSet<Long>> channelSeqs = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      byChannel.put(c, 0L);
      channelSeqs.put(c, new TreeSet<>());
    }
    TreeMap<String, long[]> months = new TreeMap<>();
    TreeMap<String, List<TreeSet<Long>>> monthSeqs = new TreeMap<>();
    List<TreeSet<Long>> seqs = List.of(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    for (HouseholdRow row : data.rows()) {
      IncomeKind kind = IncomeRows.kind(row.kind());
      int slot = kind.ofSale() ? 0 : kind == IncomeKind.WAGE ? 1 : 2;
      long amount = row.amount();
      if (slot == 0) {
        sales = Math.addExact(sales, amount);
        Channel c = Channel.fromWire(row.channel()).orElseThrow();
        byChannel.merge(c, amount, Math::addExact);
      } else if (slot == 1) {
        wages = Math.addExact(wages, amount);
      } else {
        paid = Math.addExact(paid, amount);
      }
      long[] m = months.computeIfAbsent(row.month(), k -> new long[3]);
      m[slot] = Math.addExact(m[slot], amount);
      if (detail) {
        List<Long> s = Arrays.asList(row.seqs());
        seqs.get(slot).addAll(s);
        monthSeqs
            .computeIfAbsent(
                row.month(), k -> List.of(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()))
            .get(slot)
            .addAll(s);
        if (slot == 0) {
          channelSeqs.get(Channel.fromWire(row.channel()).orElseThrow()).addAll(s);
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("householdId", householdId);
    out.put("from", from == null ? null : from.toString());
    out.put("to", to == null ? null : to.toString());
    out.put("currency", "CNY");
    out.put("salesIncome", sales);
    out.put("wages", wages);
    out.put("netIncome", Math.addExact(sales, wages));
    out.put("paidOut", paid);
    out.put("owed", Math.subtractExact(Math.addExact(sales, wages), paid));
    Map<String, Long> channels = new LinkedHashMap<>();
    byChannel.forEach((c, v) -> channels.put(c.wire(), v));
    out.put("byChannel", channels);
    List<Map<String, Object>> byMonth = new ArrayList<>();
    months.forEach(
        (month, v) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("month", month);
          m.put("salesIncome", v[0]);
          m.put("wages", v[1]);
          m.put("netIncome", Math.addExact(v[0], v[1]));
          m.put("paidOut", v[2]);
          if (detail) {
            m.put("entries", figures(monthSeqs.get(month)));
          }
          byMonth.add(m);
        });
    out.put("byMonth", byMonth);
    if (detail) {
      Map<String, Object> entries = figures(seqs);
      Map<String, Object> perChannel = new LinkedHashMap<>();
      channelSeqs.forEach((c, s) -> perChannel.put(c.wire(), List.copyOf(s)));
      entries.put("byChannel", perChannel);
      out.put("entries", entries);
    }
    out.put("asOfSeq", data.asOfSeq());
    return out;
  }

  /** Seqs behind each figure from the seqs of sales (0), wages (1) and payouts (2). */
  private static Map<String, Object> figures(List<TreeSet<Long>> s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("salesIncome", List.copyOf(s.get(0)));
    out.put("wages", List.copyOf(s.get(1)));
    TreeSet<Long> net = new TreeSet<>(s.get(0));
    net.addAll(s.get(1));
    out.put("netIncome", List.copyOf(net));
    out.put("paidOut", List.copyOf(s.get(2)));
    TreeSet<Long> owed = new TreeSet<>(net);
    owed.addAll(s.get(2));
    out.put("owed", List.copyOf(owed));
    return out;
  }
}
