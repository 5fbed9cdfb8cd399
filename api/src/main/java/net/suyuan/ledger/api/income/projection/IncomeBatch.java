package net.suyuan.ledger.api.income.projection;

import java.util.ArrayList;
import java.util.List;
import net.suyuan.ledger.core.income.IncomeLine;
import net.suyuan.ledger.core.income.RevenueLine;

/**
 * What a run of consecutive entries adds to the income tables: their lines, the products they
 * register, and the rollup deltas. Written in one transaction with the watermark {@link #toSeq}.
 */
final class IncomeBatch {
  final List<IncomeLine> lines = new ArrayList<>();
  final List<RevenueLine> revenue = new ArrayList<>();
  final List<ProductRow> products = new ArrayList<>();
  final Rollups rollups = new Rollups();
  long toSeq;
  byte[] toHash; // the hash of entry toSeq, verified: recorded with the watermark

  IncomeBatch(long fromWatermark) {
    this.toSeq = fromWatermark;
  }

  void add(long seq, IncomeFeed.Applied applied) {
    toSeq = seq;
    for (IncomeLine line : applied.lines()) {
      lines.add(line);
      rollups.add(line);
    }
    for (RevenueLine r : applied.revenue()) {
      revenue.add(r);
      rollups.add(r);
    }
    if (applied.product() != null) {
      products.add(applied.product());
    }
  }
}
