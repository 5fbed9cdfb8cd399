package net.suyuan.ledger.core.income;

import java.util.Objects;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SaleId;

/** The sale a SALE or REFUND line belongs to: its id, channel, the lot sold and its product. */
public record SaleRef(SaleId saleId, Channel channel, LotId lotId, Gtin gtin) {
  public SaleRef {
    Objects.requireNonNull(saleId, "saleId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(lotId, "lotId");
    Objects.requireNonNull(gtin, "gtin");
  }
}
