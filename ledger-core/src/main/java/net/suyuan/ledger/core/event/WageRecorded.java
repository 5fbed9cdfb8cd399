package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.OptionalInt;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Fen;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.json.JsonObject;

/** Wages paid to a household member for work at a production base, optionally for n days. */
public record WageRecorded(
    HouseholdId householdId, BaseId baseId, Fen amountFen, OptionalInt days, Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "wage.recorded";
  static final int MAX_DAYS = 366;

  public WageRecorded {
    Texts.present("householdId", householdId);
    Texts.present("baseId", baseId);
    Texts.present("amountFen", amountFen);
    FieldException.require(amountFen.value() > 0, "amountFen", "must be positive, got 0");
    Texts.present("days", days);
    if (days.isPresent() && (days.getAsInt() < 1 || days.getAsInt() > MAX_DAYS)) {
      throw FieldException.of("days", "must be in 1.." + MAX_DAYS + ", got " + days.getAsInt());
    }
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    JsonObject.Builder b =
        JsonObject.builder()
            .put("householdId", householdId.value())
            .put("baseId", baseId.value())
            .put("amountFen", amountFen.value());
    days.ifPresent(d -> b.put("days", d));
    return b.put("occurredAt", Timestamps.format(occurredAt)).build();
  }

  public static WageRecorded fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new WageRecorded(
                r.value("householdId", HouseholdId::of),
                r.value("baseId", BaseId::of),
                r.integer("amountFen", Fen::of),
                r.optInteger("days", n -> n).map(n -> daysOf(n)).orElse(OptionalInt.empty()),
                r.occurredAt()));
  }

  private static OptionalInt daysOf(long n) {
    FieldException.require(
        n >= 1 && n <= MAX_DAYS, "days", "must be in 1.." + MAX_DAYS + ", got " + n);
    return OptionalInt.of((int) n);
  }
}
