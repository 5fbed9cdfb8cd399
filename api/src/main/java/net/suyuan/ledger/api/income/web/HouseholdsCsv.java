package net.suyuan.ledger.api.income.web;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.suyuan.ledger.api.income.projection.IncomeStore.CsvRow;
import net.suyuan.ledger.core.id.Channel;

/**
 * {@code households.csv}: one row per household taking part in the program that year (a sale or
 * refund line of one of its products), ordered by household id; RFC 4180 (CRLF line ends, a header
 * row, fields quoted when they contain a comma, quote or line break), UTF-8, amounts in fen.
 *
 * <p>Columns: householdId, cooperative, salesIncome (from the program's products), wages and
 * paidOut (the household's for the whole year, from any source), netIncome (salesIncome + wages:
 * the figure the program's average is taken over), then salesIncome per channel.
 */
public final class HouseholdsCsv {
  public static final String HEADER =
      "householdId,cooperative,salesIncome,wages,netIncome,paidOut,platform,livestream,"
          + "social_group,offline";

  private HouseholdsCsv() {}

  /** The CSV; with {@code onlyCooperative} non-null, only that cooperative's households. */
  static byte[] write(List<CsvRow> rows, String onlyCooperative) {
    Map<String, Household> households = new TreeMap<>();
    for (CsvRow r : rows) {
      if (onlyCooperative != null && !onlyCooperative.equals(r.cooperative())) {
        continue;
      }
      Household h =
          households.computeIfAbsent(
              r.householdId(), id -> new Household(r.cooperative(), r.wages(), r.paidOut()));
      h.byChannel.merge(Channel.fromWire(r.channel()).orElseThrow(), r.income(), Math::addExact);
    }
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    households.forEach(
        (id, h) -> {
          long sales = h.byChannel.values().stream().mapToLong(Long::longValue).sum();
          out.append(field(id))
              .append(',')
              .append(field(h.cooperative == null ? "" : h.cooperative))
              .append(',')
              .append(sales)
              .append(',')
              .append(h.wages)
              .append(',')
              .append(Math.addExact(sales, h.wages))
              .append(',')
              .append(h.paidOut);
          for (Channel c : Channel.values()) {
            out.append(',').append(h.byChannel.getOrDefault(c, 0L));
          }
          out.append("\r\n");
        });
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 4180 section 2: quote a field holding a comma, a quote or a line break. */
  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static final class Household {
    final String cooperative;
    final long wages;
    final long paidOut;
    final Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);

    Household(String cooperative, long wages, long paidOut) {
      this.cooperative = cooperative;
      this.wages = wages;
      this.paidOut = paidOut;
    }
  }
}
