package net.suyuan.ledger.core.event;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.StandardId;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * A version of a published product standard that grades one product. Versions of a standard are
 * numbered 1, 2, … and strictly increase; a published version never changes.
 */
public record StandardPublished(
    StandardId standardId, int version, Gtin gtin, String title, List<GradeLimits> grades)
    implements LedgerEvent {
  public static final String TYPE = "standard.published";

  public StandardPublished {
    Texts.present("standardId", standardId);
    FieldException.require(version >= 1, "version", "must be positive, got " + version);
    Texts.present("gtin", gtin);
    Texts.text("title", title, 200);
    grades = List.copyOf(Texts.present("grades", grades));
    FieldException.require(!grades.isEmpty(), "grades", "a standard needs at least one grade");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < grades.size(); i++) {
      FieldException.require(
          seen.add(grades.get(i).grade()),
          "grades[" + i + "].grade",
          "grade '" + grades.get(i).grade() + "' is defined twice");
    }
  }

  public Optional<GradeLimits> grade(String name) {
    for (GradeLimits g : grades) {
      if (g.grade().equals(name)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    JsonValue[] array = grades.stream().map(GradeLimits::toBody).toArray(JsonValue[]::new);
    return JsonObject.builder()
        .put("standardId", standardId.value())
        .put("version", version)
        .put("gtin", gtin.value())
        .put("title", title)
        .put("grades", JsonArray.of(array))
        .build();
  }

  public static StandardPublished fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new StandardPublished(
                r.value("standardId", StandardId::of),
                r.intInRange("version", 1, Integer.MAX_VALUE),
                r.value("gtin", Gtin::of),
                r.string("title"),
                r.array("grades", GradeLimits::read)));
  }
}
