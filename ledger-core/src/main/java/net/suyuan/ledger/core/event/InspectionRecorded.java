package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.StandardId;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * An inspector tests a lot against one grade of a published standard version. {@code passed} is a
 * claim the validator recomputes from {@code results} and the grade's limits.
 */
public record InspectionRecorded(
    LotId lotId,
    StandardId standardId,
    int standardVersion,
    String grade,
    List<Result> results,
    boolean passed,
    Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "inspection.recorded";

  public InspectionRecorded {
    Texts.present("lotId", lotId);
    Texts.present("standardId", standardId);
    FieldException.require(
        standardVersion >= 1, "standardVersion", "must be positive, got " + standardVersion);
    Texts.text("grade", grade, 16);
    results = List.copyOf(Texts.present("results", results));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      FieldException.require(
          seen.add(results.get(i).metric()),
          "results[" + i + "].metric",
          "metric '" + results.get(i).metric() + "' is reported twice");
    }
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  /** One measured value, in the unit its metric name states. */
  public record Result(String metric, long value) {
    public Result {
      Texts.metric("metric", metric);
    }

    JsonObject toBody() {
      return JsonObject.builder().put("metric", metric).put("value", value).build();
    }

    static Result read(BodyReader r) {
      return new Result(r.string("metric"), r.integer("value"));
    }
  }

  public Optional<Result> result(String metric) {
    for (Result r : results) {
      if (r.metric().equals(metric)) {
        return Optional.of(r);
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
    return JsonObject.builder()
        .put("lotId", lotId.value())
        .put("standardId", standardId.value())
        .put("standardVersion", standardVersion)
        .put("grade", grade)
        .put("results", Bodies.array(results, Result::toBody))
        .put("passed", passed)
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static InspectionRecorded fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new InspectionRecorded(
                r.value("lotId", LotId::of),
                r.value("standardId", StandardId::of),
                r.intInRange("standardVersion", 1, Integer.MAX_VALUE),
                r.string("grade"),
                r.array("results", Result::read),
                r.bool("passed"),
                r.occurredAt()));
  }
}
