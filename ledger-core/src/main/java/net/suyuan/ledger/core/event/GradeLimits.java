package net.suyuan.ledger.core.event;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * One grade of a product standard: the inclusive integer bounds every limited metric must meet.
 *
 * @param grade the grade's name, e.g. "A" or "特级", 1 to 16 characters
 */
public record GradeLimits(String grade, List<Limit> limits) {
  public GradeLimits {
    Texts.text("grade", grade, 16);
    limits = List.copyOf(Texts.present("limits", limits));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < limits.size(); i++) {
      FieldException.require(
          seen.add(limits.get(i).metric()),
          "limits[" + i + "].metric",
          "metric '" + limits.get(i).metric() + "' is limited twice in grade " + grade);
    }
  }

  /**
   * An inclusive bound on one metric; at least one of min and max. Metrics name their unit, e.g.
   * {@code weight_g}, {@code moisture_permille}, {@code residue_ug_per_kg:chlorpyrifos}.
   */
  public record Limit(String metric, OptionalLong min, OptionalLong max) {
    public Limit {
      Texts.metric("metric", metric);
      Texts.present("min", min);
      Texts.present("max", max);
      FieldException.require(
          min.isPresent() || max.isPresent(), "max", "a limit needs min, max or both");
      if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
        throw FieldException.of(
            "min", "min " + min.getAsLong() + " is greater than max " + max.getAsLong());
      }
      min.ifPresent(v -> requireSafe("min", v));
      max.ifPresent(v -> requireSafe("max", v));
    }

    private static void requireSafe(String field, long v) {
      FieldException.require(
          Math.abs(v) <= JsonNumber.MAX_SAFE_INTEGER, field, "must be within ±(2^53-1)");
    }

    public boolean admits(long value) {
      return (min.isEmpty() || value >= min.getAsLong())
          && (max.isEmpty() || value <= max.getAsLong());
    }

    /** "in [min, max]" for messages. */
    public String describe() {
      String lo = min.isPresent() ? Long.toString(min.getAsLong()) : "-∞";
      String hi = max.isPresent() ? Long.toString(max.getAsLong()) : "+∞";
      return "[" + lo + ", " + hi + "]";
    }

    JsonObject toBody() {
      JsonObject.Builder b = JsonObject.builder().put("metric", metric);
      min.ifPresent(v -> b.put("min", v));
      max.ifPresent(v -> b.put("max", v));
      return b.build();
    }

    static Limit read(BodyReader r) {
      return new Limit(r.string("metric"), r.optInteger("min"), r.optInteger("max"));
    }
  }

  JsonObject toBody() {
    JsonValue[] array = limits.stream().map(Limit::toBody).toArray(JsonValue[]::new);
    return JsonObject.builder().put("grade", grade).put("limits", JsonArray.of(array)).build();
  }

  static GradeLimits read(BodyReader r) {
    return new GradeLimits(r.string("grade"), r.array("limits", Limit::read));
  }
}
