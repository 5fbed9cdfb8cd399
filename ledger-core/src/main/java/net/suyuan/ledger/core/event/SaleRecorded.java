package net.suyuan.ledger.core.event;

import java.time.Instant;
import net.suyuan.ledger.core.id.Channel;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.id.SaleId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * A sale out of a lot. The price is {@code unitPriceFen} per {@code pricePer} base units (e.g. 2500
 * fen per 500 g), so {@code quantity} must be a multiple of {@code pricePer} and the gross amount
 * {@code quantity / pricePer * unitPriceFen} is an exact integer. Fees may not exceed the gross.
 */
public record SaleRecorded(
    SaleId saleId,
    Channel channel,
    LotId lotId,
    Quantity quantity,
    Fen unitPriceFen,
    Quantity pricePer,
    SaleFees fees,
    Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "sale.recorded";

  public SaleRecorded {
    Texts.present("saleId", saleId);
    Texts.present("channel", channel);
    Texts.present("lotId", lotId);
    Texts.present("quantity", quantity);
    Texts.present("unitPriceFen", unitPriceFen);
    Texts.present("pricePer", pricePer);
    Texts.present("fees", fees);
    Timestamps.requireMillis("occurredAt", occurredAt);
    // messages are built only on failure: records are constructed for every entry of a replay
    if (quantity.value() % pricePer.value() != 0) {
      throw FieldException.of(
          "quantity", "quantity " + quantity + " is not a multiple of pricePer " + pricePer);
    }
    long gross = gross(quantity, pricePer, unitPriceFen);
    if (fees.total().value() > gross) {
      throw FieldException.of(
          "fees",
          "fees total " + fees.total().value() + " fen exceeds the gross amount " + gross + " fen");
    }
  }

  private static long gross(Quantity quantity, Quantity pricePer, Fen unitPriceFen) {
    try {
      long gross = Math.multiplyExact(quantity.value() / pricePer.value(), unitPriceFen.value());
      FieldException.require(gross <= Fen.MAX, "unitPriceFen", "gross amount exceeds 2^53-1 fen");
      return gross;
    } catch (ArithmeticException e) {
      throw FieldException.of("unitPriceFen", "gross amount exceeds 2^53-1 fen");
    }
  }

  /** quantity / pricePer * unitPriceFen, exact. */
  public Fen gross() {
    return Fen.of(gross(quantity, pricePer, unitPriceFen));
  }

  /** What the seller keeps: gross minus fees (refunds are separate events). */
  public Fen net() {
    return Fen.of(gross().value() - fees.total().value());
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Writers always state pricePer, even when it is 1, so the body says what it means. */
  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("saleId", saleId.value())
        .put("channel", channel.wire())
        .put("lotId", lotId.value())
        .put("quantity", quantity.value())
        .put("unitPriceFen", unitPriceFen.value())
        .put("pricePer", pricePer.value())
        .put("fees", fees.toBody())
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static SaleRecorded fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new SaleRecorded(
                r.value("saleId", SaleId::of),
                r.code("channel", Channel::fromWire, "platform, livestream, social_group, offline"),
                r.value("lotId", LotId::of),
                r.integer("quantity", Quantity::of),
                r.integer("unitPriceFen", Fen::of),
                r.optInteger("pricePer", Quantity::of).orElse(Quantity.of(1)),
                r.object("fees", SaleFees::read),
                r.occurredAt()));
  }
}
