package net.suyuan.ledger.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast scanner must agree with the definition: canonical iff JCS(parse(x)) == x. */
class CanonicalScannerTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());

  private static boolean oracle(byte[] b) {
    try {
      return Arrays.equals(Jcs.canonicalize(JsonParser.parse(b)), b);
    } catch (JsonParseException e) {
      return false;
    }
  }

  /** The word-at-a-time search must stop exactly where a byte-by-byte search stops. */
  @Test
  void plainRunStopsAtTheFirstSpecialByte() {
    Random random = new Random(SEED);
    byte[] specials = {'"', '\\', 0x00, 0x1f, 0x19, (byte) 0x80, (byte) 0xe5, -1};
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[random.nextInt(40)];
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) (0x20 + random.nextInt(0x5f));
        if (random.nextInt(12) == 0) {
          b[j] = specials[random.nextInt(specials.length)];
        }
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      int expected = from;
      while (expected < b.length
          && b[expected] >= 0x20
          && b[expected] != '"'
          && b[expected] != '\\') {
        expected++;
      }
      assertThat(CanonicalScanner.plainRun(b, from, b.length))
          .as("seed %d (rerun with -Dtest.seed=%d), case %d: %s", SEED, SEED, i, Arrays.toString(b))
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "0",
        "-1",
        "1e+30",
        "4.5",
        "0.002",
        "\"\\u001f\"",
        "{\"a\":{\"b\":[1,2,{}]}}",
        "\"€\"",
        "{\"\\r\":1,\"1\":2}",
        "1e-7",
        "123456789012345",
        "9007199254740992",
        "true"
      })
  void canonicalInputs_areAccepted(String json) {
    byte[] b = json.getBytes(UTF_8);
    assertThat(oracle(b)).as("oracle").isTrue();
    assertThat(CanonicalScanner.isCanonical(b, 0, b.length)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{ }",
        "[1, 2]",
        "01",
        "-0",
        "1.0",
        "1E+30",
        "4.50",
        "\"\\u001F\"",
        "\"\\/\"",
        "\"\\u0041\"",
        "\"\\u000a\"",
        "{\"b\":1,\"a\":2}",
        "{\"a\":1,\"a\":1}",
        "1e30",
        "9007199254740993",
        "{\"1\":2,\"\\r\":1}",
        "tru",
        "[1,]",
        "\"\u0001\"",
        "1 ",
        "\"\\ud800\""
      })
  void nonCanonicalInputs_areRejected(String json) {
    byte[] b = json.getBytes(UTF_8);
    assertThat(oracle(b)).as("oracle").isFalse();
    assertThat(CanonicalScanner.isCanonical(b, 0, b.length)).isFalse();
  }

  @Test
  void surrogatePairNames_sortBelowHighBmpNames() {
    // U+1F600 (UTF-16 D83D DE00) sorts before U+FB33 by code unit, though after it by code point.
    byte[] b = "{\"\uD83D\uDE00\":1,\"\uFB33\":2}".getBytes(UTF_8);
    assertThat(oracle(b)).isTrue();
    assertThat(CanonicalScanner.isCanonical(b, 0, b.length)).isTrue();
    byte[] swapped = "{\"\uFB33\":2,\"\uD83D\uDE00\":1}".getBytes(UTF_8);
    assertThat(CanonicalScanner.isCanonical(swapped, 0, swapped.length)).isFalse();
  }

  /** The word-at-a-time digit run must stop exactly where a byte-by-byte loop stops. */
  @Test
  void digitRunStopsAtTheFirstNonDigit() {
    Random random = new Random(SEED);
    byte[] others = {'/', ':', ',', '}', '.', 'e', 0x00, (byte) 0x80, (byte) 0xb0, (byte) 0xb9, -1};
    for (int i = 0; i < 100_000; i++) {
      byte[] b = new byte[random.nextInt(24)];
      for (int k = 0; k < b.length; k++) {
        int pick = random.nextInt(8);
        b[k] =
            pick == 0
                ? others[random.nextInt(others.length)]
                : pick == 1 ? (byte) random.nextInt(256) : (byte) ('0' + random.nextInt(10));
      }
      int from = b.length == 0 ? 0 : random.nextInt(b.length);
      int expected = from;
      while (expected < b.length && b[expected] >= '0' && b[expected] <= '9') {
        expected++;
      }
      assertThat(CanonicalScanner.digitRun(b, from, b.length))
          .as("seed %d (rerun with -Dtest.seed=%d), case %d: %s", SEED, SEED, i, Arrays.toString(b))
          .isEqualTo(expected);
    }
  }

  /**
   * Three-byte UTF-8 sequences in a value, after Chinese text, at the edges the scanner's fast path
   * for leads E1-EC and EE-EF must not cross: E0 and ED have narrower second bytes, and a sequence
   * can be cut short or carry a byte that is not a continuation.
   */
  @Test
  void threeByteSequencesInValues_agreeWithTheDefinition() {
    int[][] sequences = {
      {0xe0, 0xa0, 0x80}, // U+0800: valid
      {0xe0, 0x9f, 0xbf}, // overlong
      {0xe1, 0x80, 0x80}, // U+1000: valid
      {0xec, 0xbf, 0xbf}, // U+CFFF: valid
      {0xed, 0x9f, 0xbf}, // U+D7FF: valid
      {0xed, 0xa0, 0x80}, // surrogate U+D800
      {0xee, 0x80, 0x80}, // U+E000: valid
      {0xef, 0xbf, 0xbf}, // U+FFFF: valid
      {0xe7, 0x94, 0x9f}, // 生: valid
      {0xe7, 0x94}, // cut short before the closing quote
      {0xe7, 0xc0, 0x80}, // second byte not a continuation
      {0xe7, 0x94, 0x41}, // third byte ASCII
      {0xe7, 0x94, 0x22}, // third byte the closing quote
      {0xf0, 0x9f, 0x98, 0x80}, // U+1F600: valid four-byte
      {0xc3, 0xb6}, // ö: valid two-byte
    };
    for (int[] seq : sequences) {
      for (String before : new String[] {"", "生姜", "a"}) {
        for (String after : new String[] {"", "姜", "x"}) {
          java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
          out.writeBytes("{\"k\":\"".getBytes(UTF_8));
          out.writeBytes(before.getBytes(UTF_8));
          for (int b : seq) {
            out.write(b);
          }
          out.writeBytes(after.getBytes(UTF_8));
          out.writeBytes("\"}".getBytes(UTF_8));
          byte[] json = out.toByteArray();
          assertThat(CanonicalScanner.isCanonical(json, 0, json.length))
              .as(Arrays.toString(seq) + " between '" + before + "' and '" + after + "'")
              .isEqualTo(oracle(json));
        }
      }
    }
  }

  @Test
  void randomValuesAndMutations_scannerAgreesWithDefinition() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      byte[] canonical = Jcs.canonicalize(RandomJson.value(random, 0));
      String context = "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + "), case " + i;
      assertThat(CanonicalScanner.isCanonical(canonical, 0, canonical.length))
          .as(context + ": " + new String(canonical, UTF_8))
          .isTrue();
      byte[] mutated = RandomJson.mutate(random, canonical);
      assertThat(CanonicalScanner.isCanonical(mutated, 0, mutated.length))
          .as(context + ": " + new String(mutated, UTF_8))
          .isEqualTo(oracle(mutated));
    }
  }
}
