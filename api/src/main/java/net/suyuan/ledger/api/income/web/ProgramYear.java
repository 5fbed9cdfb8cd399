package net.suyuan.ledger.api.income.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.suyuan.ledger.api.income.projection.IncomeStore.ProgramRow;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.income.ChannelFigures;
import net.suyuan.ledger.core.income.ProgramFigures;
import net.suyuan.ledger.core.income.Ratio;

/**
 * One program's figures for one calendar year, from the rollup rows: per channel core {@link
 * ChannelFigures}, and the participating households with their net income. The same definitions as
 * core {@link ProgramFigures} over the program's lines (docs/income.md, "Programs").
 */
record ProgramYear(
    int year, Map<Channel, ChannelFigures> byChannel, long households, long netIncomeFen) {

  static ProgramYear of(int year, List<ProgramRow> rows) {
    Map<Channel, ChannelFigures> channels = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      channels.put(c, new ChannelFigures(c, 0, 0, 0, 0, 0, 0));
    }
    long households = 0;
    long netIncome = 0;
    for (ProgramRow r : rows) {
      if (r.year() != year) {
        continue;
      }
      if (r.row().equals("c")) {
        Channel c = Channel.fromWire(r.channel()).orElseThrow();
        channels.put(
            c,
            new ChannelFigures(
                c,
                r.gross(),
                r.refunded(),
                r.net(),
                r.quantity(),
                Math.toIntExact(r.reached()),
                r.income()));
      } else if (r.row().equals("t")) {
        households = r.households();
        netIncome = r.netIncome();
      }
    }
    return new ProgramYear(year, channels, households, netIncome);
  }

  long onlineRevenueFen() {
    return ProgramFigures.ONLINE.stream()
        .mapToLong(c -> byChannel.get(c).revenueFen())
        .reduce(0, Math::addExact);
  }

  long revenueFen() {
    return byChannel.values().stream()
        .mapToLong(ChannelFigures::revenueFen)
        .reduce(0, Math::addExact);
  }

  Optional<Ratio> averageNetIncome() {
    return Ratio.of(netIncomeFen, households);
  }
}
