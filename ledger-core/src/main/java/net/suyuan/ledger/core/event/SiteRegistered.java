package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.json.JsonObject;

/** A production base (site). Village and county are place names, not personal data. */
public record SiteRegistered(BaseId baseId, String name, String village, String county)
    implements LedgerEvent {
  public static final String TYPE = "site.registered";

  public SiteRegistered {
    Texts.present("baseId", baseId);
    Texts.text("name", name, 100);
    Texts.text("village", village, 100);
    Texts.text("county", county, 100);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("baseId", baseId.value())
        .put("name", name)
        .put("village", village)
        .put("county", county)
        .build();
  }

  public static SiteRegistered fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new SiteRegistered(
                r.value("baseId", BaseId::of),
                r.string("name"),
                r.string("village"),
                r.string("county")));
  }
}
