package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type: canonical round trip, unknown members and wrong JSON types rejected. */
class EventBodyTest {
  static Stream<LedgerEvent> samples() {
    return Samples.all().stream();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void toBody_canonicalBytesParsedBack_equalsOriginal(LedgerEvent event) throws Exception {
    byte[] canonical = event.toBody().canonicalBytes();
    JsonObject parsed = (JsonObject) JsonParser.parse(canonical);

    LedgerEvent back = EventTypes.parse(event.type(), parsed);

    assertThat(back).isEqualTo(event);
    assertThat(back.toBody().canonicalBytes()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void fromBody_unknownMember_rejectedNamingIt(LedgerEvent event) {
    JsonObject body = with(event.toBody(), "colour", JsonValue.class.cast(Json.str("red")));

    assertThatThrownBy(() -> EventTypes.parse(event.type(), body))
        .isInstanceOfSatisfying(
            EventValidationException.class,
            e -> assertThat(e.first()).isEqualTo(new FieldError("colour", "unknown member")));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void fromBody_missingMember_rejectedNamingIt(LedgerEvent event) {
    Map<String, JsonValue> members = new LinkedHashMap<>(event.toBody().members());
    String first = members.keySet().iterator().next();
    members.remove(first);

    assertThatThrownBy(() -> EventTypes.parse(event.type(), new JsonObject(members)))
        .isInstanceOfSatisfying(
            EventValidationException.class,
            e ->
                assertThat(e.first())
                    .isEqualTo(new FieldError(first, "required member is missing")));
  }

  /** Each member replaced by a value of the wrong JSON type must be rejected naming it. */
  @ParameterizedTest
  @MethodSource("samples")
  void fromBody_wrongTypeForAnyMember_rejectedNamingIt(LedgerEvent event) {
    JsonObject body = event.toBody();
    for (Map.Entry<String, JsonValue> member : body.members().entrySet()) {
      JsonValue wrong = Json.wrongTypeFor(member.getValue());
      JsonObject mutated = with(body, member.getKey(), wrong);
      assertThatThrownBy(() -> EventTypes.parse(event.type(), mutated))
          .as("%s.%s = %s", event.type(), member.getKey(), wrong)
          .isInstanceOfSatisfying(
              EventValidationException.class,
              e -> assertThat(e.first().field()).isEqualTo(member.getKey()));
    }
  }

  static JsonObject with(JsonObject body, String name, JsonValue value) {
    Map<String, JsonValue> members = new LinkedHashMap<>(body.members());
    members.put(name, value);
    return new JsonObject(members);
  }

  static JsonObject parse(String json) throws Exception {
    return (JsonObject) JsonParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
