package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * Lots are consumed (in part or whole) and new lots created: grading, packing, merging, splitting,
 * processing. Each input and output lot appears once; no lot is both input and output.
 */
public record LotTransformed(
    TransformProcess process, List<LotInput> inputs, List<LotOutput> outputs, Instant occurredAt)
    implements TimedEvent {
  public static final String TYPE = "lot.transformed";

  public LotTransformed {
    Texts.present("process", process);
    inputs = List.copyOf(Texts.present("inputs", inputs));
    outputs = List.copyOf(Texts.present("outputs", outputs));
    FieldException.require(!inputs.isEmpty(), "inputs", "needs at least one input lot");
    FieldException.require(!outputs.isEmpty(), "outputs", "needs at least one output lot");
    Set<LotId> inputLots = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      LotId lot = inputs.get(i).lotId();
      if (!inputLots.add(lot)) { // messages built only on failure (replays construct many)
        throw FieldException.of("inputs[" + i + "].lotId", "lot " + lot + " is listed twice");
      }
    }
    Set<LotId> outputLots = new HashSet<>();
    for (int i = 0; i < outputs.size(); i++) {
      LotId lot = outputs.get(i).lotId();
      if (!outputLots.add(lot)) {
        throw FieldException.of("outputs[" + i + "].lotId", "lot " + lot + " is listed twice");
      }
      if (inputLots.contains(lot)) {
        throw FieldException.of(
            "outputs[" + i + "].lotId",
            "lot " + lot + " is also an input; outputs must be new lots");
      }
    }
    Timestamps.requireMillis("occurredAt", occurredAt);
  }

  /** Takes {@code quantity} base units out of an existing lot. */
  public record LotInput(LotId lotId, Quantity quantity) {
    public LotInput {
      Texts.present("lotId", lotId);
      Texts.present("quantity", quantity);
    }

    JsonObject toBody() {
      return JsonObject.builder()
          .put("lotId", lotId.value())
          .put("quantity", quantity.value())
          .build();
    }

    static LotInput read(BodyReader r) {
      return new LotInput(r.value("lotId", LotId::of), r.integer("quantity", Quantity::of));
    }
  }

  /** Creates a new lot of {@code gtin} holding {@code quantity}, optionally of a grade. */
  public record LotOutput(LotId lotId, Gtin gtin, Quantity quantity, Optional<String> grade) {
    public LotOutput {
      Texts.present("lotId", lotId);
      Texts.present("gtin", gtin);
      Texts.present("quantity", quantity);
      Texts.present("grade", grade).ifPresent(g -> Texts.text("grade", g, 16));
    }

    JsonObject toBody() {
      return JsonObject.builder()
          .put("lotId", lotId.value())
          .put("gtin", gtin.value())
          .put("quantity", quantity.value())
          .putIfPresent("grade", grade.map(Bodies::string).orElse(null))
          .build();
    }

    static LotOutput read(BodyReader r) {
      return new LotOutput(
          r.value("lotId", LotId::of),
          r.value("gtin", Gtin::of),
          r.integer("quantity", Quantity::of),
          r.optString("grade"));
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public JsonObject toBody() {
    return JsonObject.builder()
        .put("process", process.wire())
        .put("inputs", Bodies.array(inputs, LotInput::toBody))
        .put("outputs", Bodies.array(outputs, LotOutput::toBody))
        .put("occurredAt", Timestamps.format(occurredAt))
        .build();
  }

  public static LotTransformed fromBody(JsonObject body) throws EventValidationException {
    return BodyReader.read(
        body,
        r ->
            new LotTransformed(
                r.code("process", TransformProcess::fromWire, TransformProcess.WIRE_NAMES),
                r.array("inputs", LotInput::read),
                r.array("outputs", LotOutput::read),
                r.occurredAt()));
  }
}
