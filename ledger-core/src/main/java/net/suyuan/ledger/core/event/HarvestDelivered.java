package net.suyuan.ledger.core.event;

import java.time.Instant;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * A household delivers harvest from a base to its cooperative, into a harvest lot. The first
 * delivery creates the lot; later deliveries of the same product add to it.
 */
public record HarvestDelivered(
    LotId lotId,
    Gtin gtin,
    HouseholdId householdId,
    BaseId baseId,
    Quantity quantity,
    Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "harvest.delivered";

  public HarvestDelivered {
    Texts.present("lotId", lotId);
    Texts.present("gtin", gtin);
    Texts.present("householdId", householdId);
    Texts.present("baseId", baseId);
    Texts.present("quantity", quantity);
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("lotId", lotId.value())
        .put("gtin", gtin.value())
        .put("householdId", householdId.value())
        .put("baseId", baseId.value())
        .put("quantity", quantity.value())
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static HarvestDelivered fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new HarvestDelivered(
                r.value("lotId", LotId::of),
                r.value("gtin", Gtin::of),
                r.value("householdId", HouseholdId::of),
                r.value("baseId", BaseId::of),
                r.integer("quantity", Quantity::of),
                r.occurredAt()));
  }
}
