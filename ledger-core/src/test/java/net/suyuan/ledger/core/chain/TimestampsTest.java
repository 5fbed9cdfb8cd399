package net.suyuan.ledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Timestamps#parse} against the definition it replaced: a regex, then round-tripping. */
class TimestampsTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());

  private static final Pattern FORM =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The reference: an Instant, or the message of the rejection. */
  private static Object reference(String text) {
    if (!FORM.matcher(text).matches()) {
      return "expected RFC 3339 UTC with milliseconds, like 2022-03-01T08:00:00.000Z";
    }
    try {
      Instant instant = Instant.parse(text);
      return FORMAT.format(instant).equals(text) ? instant : "not a valid date and time: " + text;
    } catch (DateTimeParseException e) {
      return "not a valid date and time: " + text;
    }
  }

  private static Object actual(String text) {
    try {
      return Timestamps.parse(text);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void parsesLikeTheRegexAndRoundTripDefinition_onSeededMutations() {
    Random random = new Random(SEED);
    String alphabet = "0123456789-T:.Z z+\u0660\uff10";
    int instants = 0;
    for (int i = 0; i < 200_000; i++) {
      long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L); // years 0..9999
      char[] text = Timestamps.format(Instant.ofEpochMilli(millis)).toCharArray();
      int changes = random.nextInt(3);
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(text.length);
        text[at] =
            random.nextBoolean()
                ? (char) ('0' + random.nextInt(10))
                : alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String s = new String(text);
      if (random.nextInt(50) == 0) {
        s = random.nextBoolean() ? s.substring(0, random.nextInt(s.length())) : s + "0";
      }
      Object expected = reference(s);
      instants += expected instanceof Instant ? 1 : 0;
      assertThat(actual(s))
          .as("seed %d (rerun with -Dtest.seed=%d), case %d: %s", SEED, SEED, i, s)
          .isEqualTo(expected);
    }
    assertThat(instants).as("seed %d: the mutations keep many valid", SEED).isGreaterThan(50_000);
  }

  @Test
  void edgesOfTheCalendar() {
    for (String s :
        new String[] {
          "0000-01-01T00:00:00.000Z",
          "9999-12-31T23:59:59.999Z",
          "2024-02-29T12:00:00.000Z",
          "2000-02-29T00:00:00.000Z",
          "1900-02-29T00:00:00.000Z",
          "2023-02-29T00:00:00.000Z",
          "2022-04-31T00:00:00.000Z",
          "2022-12-31T23:59:60.000Z",
          "2022-00-10T00:00:00.000Z",
          "2022-01-00T00:00:00.000Z",
          "2022-01-01T24:00:00.000Z",
          "2022-01-01T00:60:00.000Z",
          "2022-03-01T08:00:00.000z",
          "2022-03-01 08:00:00.000Z",
          "+2022-03-01T08:00:00.000Z",
        }) {
      assertThat(actual(s)).as(s).isEqualTo(reference(s));
    }
    assertThat(Timestamps.parse("2022-03-01T08:00:00.123Z"))
        .isEqualTo(Instant.parse("2022-03-01T08:00:00.123Z"));
    assertThatThrownBy(() -> Timestamps.parse("2022-02-30T00:00:00.000Z"))
        .hasMessage("not a valid date and time: 2022-02-30T00:00:00.000Z");
  }
}
