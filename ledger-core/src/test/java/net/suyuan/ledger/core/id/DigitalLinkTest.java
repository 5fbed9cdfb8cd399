package net.suyuan.ledger.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitalLinkTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final Gtin GTIN = Gtin.of("06901234500004");

  @Test
  void buildsLotAndSerialUris() {
    DigitalLink lot = DigitalLink.of(GTIN, LotId.of("G2022-001A"));
    assertThat(lot.uri("https://id.example.cn"))
        .isEqualTo("https://id.example.cn/01/06901234500004/10/G2022-001A");
    assertThat(lot.uri("https://id.example.cn/")).endsWith(".cn/01/06901234500004/10/G2022-001A");
    DigitalLink unit = new DigitalLink(GTIN, LotId.of("G2022-001A"), SerialId.of("0001"));
    assertThat(unit.path()).isEqualTo("/01/06901234500004/10/G2022-001A/21/0001");
    assertThat(unit.serialId()).contains(SerialId.of("0001"));
    assertThat(lot.serialId()).isEmpty();
  }

  @Test
  void shortGtinsArePaddedTo14Digits() {
    DigitalLink link = DigitalLink.parse("https://x.cn/01/6901234500004/10/L1");
    assertThat(link.gtin().value()).isEqualTo("06901234500004");
    assertThat(link.path()).isEqualTo("/01/06901234500004/10/L1");
  }

  @Test
  void percentEncodesWhatIsNotUnreserved() {
    DigitalLink link = DigitalLink.of(GTIN, LotId.of("A/B%C&D\"E+F"));
    assertThat(link.path()).isEqualTo("/01/06901234500004/10/A%2FB%25C%26D%22E%2BF");
    assertThat(DigitalLink.parse(link.uri("https://x.cn"))).isEqualTo(link);
  }

  @Test
  void parsesLowercaseHexAndRawSubDelimiters() {
    assertThat(DigitalLink.parse("/01/06901234500004/10/a%2fb").lot().value()).isEqualTo("a/b");
    assertThat(DigitalLink.parse("/01/06901234500004/10/a+b!c").lot().value()).isEqualTo("a+b!c");
  }

  @Test
  void ignoresQueryFragmentAndPathPrefix() {
    DigitalLink link =
        DigitalLink.parse("https://x.cn/trace/01/06901234500004/10/L1/21/S9?linkType=all#top");
    assertThat(link).isEqualTo(new DigitalLink(GTIN, LotId.of("L1"), SerialId.of("S9")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/01/06901234500005/10/L1|gtin|check digit",
        "/01/06901234500/10/L1|gtin|11 digits",
        "/01/0690123450000X/10/L1|gtin|only digits",
        "/01/06901234500004/10/ABCDEFGHIJKLMNOPQRSTU|lot|longer than 20",
        "/01/06901234500004/10/L 1|lot|outside the GS1 character set",
        "/01/06901234500004/10/L%201|lot|outside the GS1 AI 10 character set",
        "/01/06901234500004/10/L%2|lot|broken percent-encoding",
        "/01/06901234500004/10/L%ZZ|lot|broken percent-encoding",
        "/01/06901234500004/10/L@1|lot|outside the GS1 character set",
        "/01/06901234500004/10/a\"b|lot|must be percent-encoded",
        "/01/06901234500004/10/|lot|empty",
        "/01/06901234500004|lot|a lot is required",
        "/01/06901234500004/21/S1|lot|a lot is required",
        "/01/06901234500004/10/L1/22/X|uri|only /21/{serial}",
        "/01/06901234500004/10/L1/21/S~1|serial|outside the GS1 character set",
        "/01/06901234500004/10/L1/21/ABCDEFGHIJKLMNOPQRSTU|serial|longer than 20",
        "https://x.cn/gtin/06901234500004|uri|no /01/",
      })
  void rejectsNamingThePart(String uri, String field, String message) {
    assertThatThrownBy(() -> DigitalLink.parse(uri))
        .isInstanceOfSatisfying(
            DigitalLinkException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void aLotOrPrefixNamed01_isNotMistakenForTheGtinKey() {
    DigitalLink unit = new DigitalLink(GTIN, LotId.of("01"), SerialId.of("S1"));
    assertThat(DigitalLink.parse(unit.uri("https://x.cn/01"))).isEqualTo(unit);
    assertThat(DigitalLink.parse("/01/06901234500004/10/01").lot().value()).isEqualTo("01");
  }

  @Test
  void percentEscapesTakeAsciiHexOnly() {
    assertThatThrownBy(() -> DigitalLink.parse("/01/06901234500004/10/L%\uFF13\uFF11"))
        .isInstanceOf(DigitalLinkException.class)
        .hasMessageContaining("broken percent-encoding");
  }

  @Test
  void fromPathDecodesLikeParse() {
    assertThat(DigitalLink.fromPath("06901234500004", "A%2FB", null))
        .isEqualTo(DigitalLink.of(GTIN, LotId.of("A/B")));
    assertThat(DigitalLink.fromPath("06901234500004", "L1", "S%2B1").serial().value())
        .isEqualTo("S+1");
  }

  /** Any lot and serial of set 82 survives build then parse. */
  @Test
  void randomIdentifiersRoundTrip() {
    String set82 =
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    Random random = new Random(SEED);
    for (int i = 0; i < 5_000; i++) {
      LotId lot = LotId.of(randomValue(random, set82));
      SerialId serial = random.nextBoolean() ? SerialId.of(randomValue(random, set82)) : null;
      DigitalLink link = new DigitalLink(GTIN, lot, serial);
      assertThat(DigitalLink.parse(link.uri("https://id.example.cn/p")))
          .as("seed %d (rerun with -Dtest.seed=%d), case %d: %s", SEED, SEED, i, link.path())
          .isEqualTo(link);
    }
  }

  private static String randomValue(Random random, String alphabet) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(20);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
