package net.suyuan.ledger.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each append bound at its limit is accepted and one past it refused, naming the field. */
class AppendBoundsTest {

  private static final String WAGE =
      "{\"amountFen\":%s,\"baseId\":\"base-1\",\"householdId\":\"hh-1\",\"occurredAt\":\"%s\"}";
  private static final String SALE =
      "{\"channel\":\"offline\",\"fees\":{\"logisticsFen\":0,\"packagingFen\":0,\"platformFen\":0,"
          + "\"serviceFen\":0},\"lotId\":\"L-1\",\"occurredAt\":\"2022-03-01T08:00:00.000Z\","
          + "\"pricePer\":%d,\"quantity\":%d,\"saleId\":\"S-1\",\"unitPriceFen\":%d}";
  private static final String SITE =
      "{\"baseId\":\"base-1\",\"county\":\"c\",\"name\":\"%s\",\"village\":\"v\"}";
  private static final String INSPECTION =
      "{\"grade\":\"A\",\"lotId\":\"L-1\",\"occurredAt\":\"2022-03-01T08:00:00.000Z\","
          + "\"passed\":true,\"results\":[{\"metric\":\"temp_c\",\"value\":%d}],"
          + "\"standardId\":\"STD-1\",\"standardVersion\":1}";

  private static void check(String type, String body) throws EventValidationException {
    JsonObject json;
    try {
      json = (JsonObject) JsonParser.parse(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    AppendBounds.check(EventTypes.parse(type, json), json);
  }

  private static void assertRefused(String type, String body, String field) {
    EventValidationException e =
        catchThrowableOfType(EventValidationException.class, () -> check(type, body));
    assertThat(e).as(body).isNotNull();
    assertThat(e.errors()).extracting(FieldError::field).containsExactly(field);
  }

  @ParameterizedTest
  @CsvSource({
    "2000-01-01T00:00:00.000Z, 1999-12-31T23:59:59.999Z",
    "2099-12-31T23:59:59.999Z, 2100-01-01T00:00:00.000Z",
  })
  void occurredAt_atTheLimitAccepted_onePastRefused(String limit, String past) {
    assertThatCode(() -> check("wage.recorded", WAGE.formatted(1, limit)))
        .doesNotThrowAnyException();
    assertRefused("wage.recorded", WAGE.formatted(1, past), "occurredAt");
  }

  @Test
  void occurredAtInYearZero_refused() {
    assertRefused("wage.recorded", WAGE.formatted(1, "0000-01-01T00:00:00.000Z"), "occurredAt");
  }

  @Test
  void amount_atTheLimitAccepted_onePastRefused() {
    String t = "2022-03-01T08:00:00.000Z";
    assertThatCode(() -> check("wage.recorded", WAGE.formatted(AppendBounds.MAX_INTEGER, t)))
        .doesNotThrowAnyException();
    assertRefused("wage.recorded", WAGE.formatted(AppendBounds.MAX_INTEGER + 1, t), "amountFen");
    assertRefused("wage.recorded", WAGE.formatted((1L << 53) - 1, t), "amountFen");
  }

  @Test
  void negativeInteger_atTheLimitAccepted_onePastRefused() {
    assertThatCode(
            () -> check("inspection.recorded", INSPECTION.formatted(-AppendBounds.MAX_INTEGER)))
        .doesNotThrowAnyException();
    assertRefused(
        "inspection.recorded",
        INSPECTION.formatted(-AppendBounds.MAX_INTEGER - 1),
        "results[0].value");
  }

  @Test
  void saleGross_atTheLimitAccepted_onePastRefused() {
    long max = AppendBounds.MAX_INTEGER;
    // 4 units of 500 g at max / 4 fen: gross exactly 10^10
    assertThatCode(() -> check("sale.recorded", SALE.formatted(500, 2000, max / 4)))
        .doesNotThrowAnyException();
    assertRefused("sale.recorded", SALE.formatted(500, 2000, max / 4 + 1), "unitPriceFen");
    assertRefused("sale.recorded", SALE.formatted(1, 2, max), "unitPriceFen");
    // the largest of both factors: no overflow in the check itself
    assertRefused("sale.recorded", SALE.formatted(1, max, max), "unitPriceFen");
  }

  @Test
  void listedCharacters_refusedInText_neighboursAccepted() {
    int[] refused = {
      0x0000, 0x001F, 0x007F, 0x0085, 0x009F, 0x00AD, 0x061C, 0x180E, 0x200B, 0x200E, 0x200F,
      0x2028, 0x2029, 0x202A, 0x202E, 0x2060, 0x2066, 0x2069, 0xFEFF, 0xE000, 0xF8FF, 0xFDD0,
      0xFFFE, 0xFFFF, 0x1FFFE, 0xE0001, 0xE007F, 0xF0000, 0x10FFFD,
    };
    for (int cp : refused) {
      String name = "a" + new String(Character.toChars(cp)) + "b";
      assertThat(InvisibleCharacters.indexIn(name)).as("U+%04X", cp).isEqualTo(1);
    }
    assertRefused("site.registered", SITE.formatted("东坡\\u202e园茶"), "name");
    for (int cp : new int[] {0x0020, 0x00A0, 0x00AC, 0x00AE, 0x200A, 0x2010, 0x3000, 0x1F375}) {
      String name = "a" + new String(Character.toChars(cp)) + "b";
      assertThat(InvisibleCharacters.indexIn(name)).as("U+%04X", cp).isEqualTo(-1);
    }
  }

  /**
   * Exhaustive: every code point this JDK classifies as a control, format, separator (line,
   * paragraph) or private-use character is refused, so the explicit list misses none.
   */
  @Test
  void everyControlFormatSeparatorAndPrivateUseCodePoint_isRefused() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int type = Character.getType(cp);
      boolean mustRefuse =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR
              || type == Character.PRIVATE_USE;
      if (mustRefuse) {
        assertThat(InvisibleCharacters.isRefused(cp)).as("U+%04X", cp).isTrue();
      }
    }
  }

  /** Seeded: random printable text from CJK, Latin and emoji is never refused. */
  @Test
  void randomVisibleText_isAccepted() {
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    int[][] ranges = {{0x21, 0x7E}, {0x4E00, 0x9FFF}, {0xC0, 0x17F}, {0x1F300, 0x1F5FF}};
    for (int i = 0; i < 10_000; i++) {
      int[] range = ranges[r.nextInt(ranges.length)];
      int cp = range[0] + r.nextInt(range[1] - range[0] + 1);
      assertThat(InvisibleCharacters.isRefused(cp)).as("seed %d, U+%04X", seed, cp).isFalse();
    }
  }
}
