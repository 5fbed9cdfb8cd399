package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.Optional;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.RefundId;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * Goods of a sale returned and money paid back. All refunds of one sale together may not exceed its
 * quantity nor its gross amount.
 *
 * <p>{@code feesReturned} (optional, added in issue 11) states how much of each of the sale's fees
 * the platform and providers gave back with this refund; its total may not exceed {@code
 * amountFen}. Absent, the refund means what it always meant: the same fraction of every fee is
 * returned (docs/income.md, "Refunds"). A sale's refunds either all state it or none does, and
 * together they return at most each fee charged (checked against the sale by the validator).
 */
public record SaleRefunded(
    RefundId refundId,
    SaleId saleId,
    Quantity quantity,
    Fen amountFen,
    Optional<SaleFees> feesReturned,
    Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "sale.refunded";

  public SaleRefunded {
    Texts.present("refundId", refundId);
    Texts.present("saleId", saleId);
    Texts.present("quantity", quantity);
    Texts.present("amountFen", amountFen);
    Texts.present("feesReturned", feesReturned);
    if (feesReturned.isPresent() && feesReturned.get().total().value() > amountFen.value()) {
      throw FieldException.of(
          "feesReturned",
          "fees returned total "
              + feesReturned.get().total().value()
              + " fen exceeds the refund amount "
              + amountFen.value()
              + " fen");
    }
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  /** A refund that does not state the fees returned (each fee returned in proportion). */
  public SaleRefunded(
      RefundId refundId, SaleId saleId, Quantity quantity, Fen amountFen, Instant occurredAt) {
    this(refundId, saleId, quantity, amountFen, Optional.empty(), occurredAt);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    JsonObject.Builder b =
        JsonObject.builder()
            .put("refundId", refundId.value())
            .put("saleId", saleId.value())
            .put("quantity", quantity.value())
            .put("amountFen", amountFen.value());
    feesReturned.ifPresent(f -> b.put("feesReturned", f.toBody()));
    return b.put("occurredAt", Timestamps.format(occurredAt)).build();
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
                r.optObject("feesReturned", SaleFees::read),
                r.occurredAt()));
  }
}
