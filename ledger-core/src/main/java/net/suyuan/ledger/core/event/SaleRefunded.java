package net.suyuan.ledger.core.event;

import java.time.Instant;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * Goods of a sale returned and money paid back. All refunds of one sale together may not exceed its
 * quantity nor its gross amount.
 */
public record SaleRefunded(
    RefundId refundId, SaleId saleId, Quantity quantity, Fen amountFen, Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "sale.refunded";

  public SaleRefunded {
    Texts.present("refundId", refundId);
    Texts.present("saleId", saleId);
    Texts.present("quantity", quantity);
    Texts.present("amountFen", amountFen);
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("refundId", refundId.value())
        .put("saleId", saleId.value())
        .put("quantity", quantity.value())
        .put("amountFen", amountFen.value())
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static SaleRefunded fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new SaleRefunded(
                r.value("refundId", RefundId::of),
                r.value("saleId", SaleId::of),
                r.integer("quantity", Quantity::of),
                r.integer("amountFen", Fen::of),
                r.occurredAt()));
  }
}
