package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.Optional;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * Money paid out to a household (e.g. for delivered harvest or a dividend).
 *
 * @param reference the payer's own reference, e.g. a bank transfer number; no personal data
 */
public record PayoutMade(
    HouseholdId householdId, Fen amountFen, Optional<String> reference, Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "payout.made";

  public PayoutMade {
    Texts.present("householdId", householdId);
    Texts.present("amountFen", amountFen);
    FieldException.require(amountFen.value() > 0, "amountFen", "must be positive, got 0");
    Texts.present("reference", reference).ifPresent(s -> Texts.text("reference", s, 64));
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("householdId", householdId.value())
        .put("amountFen", amountFen.value())
        .putIfPresent("reference", reference.map(Bodies::string).orElse(null))
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static PayoutMade fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new PayoutMade(
                r.value("householdId", HouseholdId::of),
                r.integer("amountFen", Fen::of),
                r.optString("reference"),
                r.occurredAt()));
  }
}
