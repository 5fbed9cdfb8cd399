package net.suyuan.ledger.core.event;

import java.util.Optional;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * A standardized product enters the catalogue. Every quantity of it is counted in {@code baseUnit}.
 *
 * @param referencePrice the unbranded market price, for computing the branded product's premium
 */
public record ProductRegistered(
    Gtin gtin, String name, BaseUnit baseUnit, Optional<ReferencePrice> referencePrice)
    implements LedgerEvent {
  public static final String TYPE = "product.registered";

  public ProductRegistered {
    Texts.present("gtin", gtin);
    Texts.text("name", name, 100);
    Texts.present("baseUnit", baseUnit);
    Texts.present("referencePrice", referencePrice);
  }

  /** {@code fen} for {@code per} base units, e.g. 5000 fen per 500 ml. */
  public record ReferencePrice(Fen fen, Quantity per) {
    public ReferencePrice {
      Texts.present("fen", fen);
      Texts.present("per", per);
    }

    JsonObject toBody() {
      return JsonObject.builder().put("fen", fen.value()).put("per", per.value()).build();
    }

    static ReferencePrice read(BodyReader r) {
      return new ReferencePrice(r.integer("fen", Fen::of), r.integer("per", Quantity::of));
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("gtin", gtin.value())
        .put("name", name)
        .put("baseUnit", baseUnit.wire())
        .putIfPresent("referencePrice", referencePrice.map(ReferencePrice::toBody).orElse(null))
        .build();
  }

  public static ProductRegistered fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new ProductRegistered(
                r.value("gtin", Gtin::of),
                r.string("name"),
                r.code("baseUnit", BaseUnit::fromWire, "g, ml, piece"),
                r.optObject("referencePrice", ReferencePrice::read)));
  }
}
