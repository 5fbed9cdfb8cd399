package net.suyuan.ledger.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcsTest {

  private static String jcs(String json) throws JsonParseException {
    return new String(Jcs.canonicalize(json.getBytes(UTF_8)), UTF_8);
  }

  /** RFC 8785 §3.2.2: the sample input and its canonical output, byte for byte. */
  @Test
  void rfc8785_section322_sample() throws Exception {
    String input =
        "{\n"
            + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n"
            + "}";
    String expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    assertThat(jcs(input)).isEqualTo(expected);
  }

  /** RFC 8785 §3.2.3: members sorted by UTF-16 code units, surrogate pairs included. */
  @Test
  void rfc8785_section323_sortingByUtf16CodeUnits() throws Exception {
    String input =
        "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With"
            + " Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
            + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
    String expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small"
            + " Letter O With Diaeresis\",\"€\":\"Euro Sign\",\"\uD83D\uDE00\":\"Emoji: Grinning"
            + " Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}";
    assertThat(jcs(input)).isEqualTo(expected);
  }

  /** RFC 8785 §3.2.4 / Appendix: the UTF-8 bytes of the sorting example's output. */
  @Test
  void rfc8785_utf8Output() throws Exception {
    byte[] out = Jcs.canonicalize("{\"€\":1,\"ö\":2}".getBytes(UTF_8));
    assertThat(out)
        .containsExactly(
            0x7b, 0x22, 0xc3, 0xb6, 0x22, 0x3a, 0x32, 0x2c, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x3a,
            0x31, 0x7d);
  }

  /** RFC 8785 Appendix B: IEEE 754 doubles and their canonical text. */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void rfc8785_appendixB_numbers(String ieeeHex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
    assertThat(new String(Jcs.canonicalize(new JsonNumber(value)), UTF_8)).isEqualTo(expected);
  }

  @Test
  void nonFiniteNumbers_areRejected() {
    assertThatThrownBy(() -> new JsonNumber(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsonNumber(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonParser.parse("1e400")).isInstanceOf(JsonParseException.class);
  }

  @Test
  void nonAsciiStrings_stayRawUtf8() throws Exception {
    assertThat(jcs("{\"品名\":\"六枝小黄姜\",\"产地\":\"\\u516d\\u679d\"}"))
        .isEqualTo("{\"产地\":\"六枝\",\"品名\":\"六枝小黄姜\"}");
  }

  @Test
  void nestedObjects_sortedAtEveryLevel_whitespaceRemoved() throws Exception {
    assertThat(
            jcs(
                "{ \"b\" : [ { \"z\":1, \"a\":[ ] } , {} ], \"a\" : { \"y\" : null , \"x\" : true } }"))
        .isEqualTo("{\"a\":{\"x\":true,\"y\":null},\"b\":[{\"a\":[],\"z\":1},{}]}");
  }

  @Test
  void keyOrdering_isByCodeUnitNotLength() throws Exception {
    assertThat(jcs("{\"aa\":1,\"b\":2,\"a\":3,\"A\":4,\"_\":5}"))
        .isEqualTo("{\"A\":4,\"_\":5,\"a\":3,\"aa\":1,\"b\":2}");
  }

  @Test
  void controlCharacters_useShortOrLowercaseHexEscapes() {
    String s = "\u0000\u0001\b\t\n\u000b\f\r\u001f \"\\/\u007f";
    assertThat(new String(Jcs.canonicalize(JsonString.of(s)), UTF_8))
        .isEqualTo("\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\\"\\\\/\u007f\"");
  }

  @Test
  void iJson_duplicateNames_loneSurrogates_deepNesting_areRejected() {
    assertThatThrownBy(() -> JsonParser.parse("{\"a\":1,\"a\":2}"))
        .hasMessageContaining("duplicate member name \"a\"");
    assertThatThrownBy(() -> JsonParser.parse("\"\\ud800\""))
        .hasMessageContaining("lone surrogate");
    assertThatThrownBy(() -> JsonParser.parse("[".repeat(65) + "]".repeat(65)))
        .hasMessageContaining("nesting deeper than 64");
    assertThatThrownBy(() -> JsonParser.parse(new byte[] {'"', (byte) 0xc0, (byte) 0x80, '"'}))
        .hasMessageContaining("invalid UTF-8");
  }

  @Test
  void integers_outsideSafeRange_areNotLongs() throws Exception {
    JsonNumber big = (JsonNumber) JsonParser.parse("9007199254740993");
    assertThat(big.isSafeInteger()).isFalse();
    assertThatThrownBy(big::longValueExact).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> JsonNumber.of(1L << 53)).isInstanceOf(IllegalArgumentException.class);
    assertThat(((JsonNumber) JsonParser.parse("-9007199254740991")).longValueExact())
        .isEqualTo(-9007199254740991L);
  }
}
