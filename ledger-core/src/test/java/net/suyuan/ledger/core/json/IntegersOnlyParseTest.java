package net.suyuan.ledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonParser#parseIntegersOnly}: client input where numbers must be written as integers
 * (issue 11 defect 8: {@code 1e-400} was stored as 0, {@code 1.0}, {@code 1e0}, {@code -0} passed).
 */
class IntegersOnlyParseTest {

  private static JsonParseException refused(String json) {
    return catchThrowableOfType(
        JsonParseException.class,
        () -> JsonParser.parseIntegersOnly(json.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1e0", "1E0", "1e+2", "1e-400", "-0", "-0.0", "0.5", "-1.5e3"})
  void nonIntegerForms_areRefused_namingThePath(String number) {
    JsonParseException e = refused("{\"a\":[{\"b\":1},{\"quantity\":" + number + "}]}");
    assertThat(e).as(number).isNotNull();
    assertThat(e.path()).isEqualTo("a[1].quantity");
    assertThat(e.reason()).containsAnyOf("integer", "-0");
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "-1, -1", "42, 42", "9007199254740991, 9007199254740991"})
  void integers_areAccepted(String text, long value) throws Exception {
    JsonValue v = JsonParser.parseIntegersOnly(("{\"n\":" + text + "}").getBytes());
    assertThat(((JsonObject) v).get("n").orElseThrow()).isEqualTo(JsonNumber.of(value));
  }

  @Test
  void pathsOfNestedMembersAndTopLevelNumbers() {
    assertThat(refused("{\"events\":[{\"body\":{\"fees\":{\"packagingFen\":-0}}}]}").path())
        .isEqualTo("events[0].body.fees.packagingFen");
    JsonParseException top = refused("1.5");
    assertThat(top).isNotNull();
    assertThat(top.path()).isNull();
  }

  @Test
  void theLenientParser_stillReadsStoredForms() throws Exception {
    assertThat(JsonParser.parse("1e+21")).isEqualTo(new JsonNumber(1e21));
    assertThat(JsonParser.parse("1.0")).isEqualTo(JsonNumber.of(1));
  }

  /**
   * Seeded property over random documents and their mutations: the strict parser accepts exactly
   * what the lenient one accepts, minus documents with a fraction, an exponent or -0, and then
   * reads the same value.
   */
  @Test
  void agreesWithTheLenientParser_exceptOnNonIntegerForms() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    for (int i = 0; i < 20_000; i++) {
      byte[] doc = Jcs.canonicalize(RandomJson.value(r, 0));
      if (r.nextBoolean()) {
        doc = RandomJson.mutate(r, doc);
      }
      JsonValue lenient;
      try {
        lenient = JsonParser.parse(doc);
      } catch (JsonParseException e) {
        byte[] d = doc;
        assertThat(
                catchThrowableOfType(
                    JsonParseException.class, () -> JsonParser.parseIntegersOnly(d)))
            .as("seed %d: strict accepted what lenient refused", seed)
            .isNotNull();
        continue;
      }
      try {
        assertThat(JsonParser.parseIntegersOnly(doc)).as("seed %d", seed).isEqualTo(lenient);
      } catch (JsonParseException e) {
        String text = new String(doc, StandardCharsets.UTF_8);
        assertThat(e.reason()).as("seed %d: %s", seed, text).containsAnyOf("integer", "-0");
        assertThat(numberTokens(text)).as("seed %d: %s", seed, text).isTrue();
      }
    }
  }

  /** Whether the text has a number token with a fraction, an exponent or written as -0. */
  private static boolean numberTokens(String text) {
    return text.matches("(?s).*[0-9][.eE].*") || text.matches("(?s).*-0.*");
  }
}
