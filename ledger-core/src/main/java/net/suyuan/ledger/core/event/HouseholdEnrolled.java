package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.OrgId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * A farming household joins the cooperative it sells through; recorded by that cooperative. Only
 * the pseudonymous id enters the ledger; names and phone numbers are kept elsewhere.
 */
public record HouseholdEnrolled(HouseholdId householdId, String village, OrgId cooperative)
    implements LedgerEvent {
  public static final String TYPE = "household.enrolled";

  public HouseholdEnrolled {
    Texts.present("householdId", householdId);
    Texts.text("village", village, 100);
    Texts.present("cooperative", cooperative);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("householdId", householdId.value())
        .put("village", village)
        .put("cooperative", cooperative.value())
        .build();
  }

  public static HouseholdEnrolled fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new HouseholdEnrolled(
                r.value("householdId", HouseholdId::of),
                r.string("village"),
                r.value("cooperative", OrgId::of)));
  }
}
