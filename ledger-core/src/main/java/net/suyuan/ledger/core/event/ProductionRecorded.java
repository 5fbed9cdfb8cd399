package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.Optional;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.BaseUnit;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * A production activity at a base, optionally tied to a lot: planting, fertilizer or pesticide
 * applied (with the input and amount), irrigation, harvest.
 */
public record ProductionRecorded(
    BaseId baseId,
    Optional<LotId> lotId,
    Activity activity,
    Optional<String> detail,
    Optional<Input> input,
    Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "production.recorded";

  public ProductionRecorded {
    Texts.present("baseId", baseId);
    Texts.present("lotId", lotId);
    Texts.present("activity", activity);
    Texts.present("detail", detail).ifPresent(d -> Texts.text("detail", d, 200));
    Texts.present("input", input);
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  /**
   * A farm input applied, e.g. {name: "compound fertilizer 15-15-15", quantity: 20000, unit: g}.
   */
  public record Input(String name, Quantity quantity, BaseUnit unit) {
    public Input {
      Texts.text("name", name, 100);
      Texts.present("quantity", quantity);
      Texts.present("unit", unit);
    }

    JsonObject toBody() {
      return JsonObject.builder()
          .put("name", name)
          .put("quantity", quantity.value())
          .put("unit", unit.wire())
          .build();
    }

    static Input read(BodyReader r) {
      return new Input(
          r.string("name"),
          r.integer("quantity", Quantity::of),
          r.code("unit", BaseUnit::fromWire, "g, ml, piece"));
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("baseId", baseId.value())
        .putIfPresent("lotId", lotId.map(l -> Bodies.string(l.value())).orElse(null))
        .put("activity", activity.wire())
        .putIfPresent("detail", detail.map(Bodies::string).orElse(null))
        .putIfPresent("input", input.map(Input::toBody).orElse(null))
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static ProductionRecorded fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new ProductionRecorded(
                r.value("baseId", BaseId::of),
                r.optValue("lotId", LotId::of),
                r.code("activity", Activity::fromWire, Activity.WIRE_NAMES),
                r.optString("detail"),
                r.optObject("input", Input::read),
                r.occurredAt()));
  }
}
