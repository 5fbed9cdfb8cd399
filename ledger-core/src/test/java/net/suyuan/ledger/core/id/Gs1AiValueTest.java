package net.suyuan.ledger.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gs1AiValueTest {
  /** GS1 General Specifications Figure 7.11-1, character set 82, spelled out. */
  private static final String SET_82 =
      "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

  @Test
  void characterSet82_isExactlyTheFigure() {
    StringBuilder accepted = new StringBuilder();
    for (int c = 0; c < 0x3000; c++) {
      if (Gs1AiValue.inCharacterSet82(c)) {
        accepted.append((char) c);
      }
    }
    assertThat(accepted.toString()).isEqualTo(SET_82);
    assertThat(SET_82).hasSize(82);
  }

  @Test
  void lotId_twentyCharacters_accepted() {
    assertThat(LotId.of("ABCDEFGHIJ0123456789").value()).hasSize(20);
  }

  @Test
  void lotId_everySet82Character_accepted() {
    for (int i = 0; i < SET_82.length(); i += 20) {
      String chunk = SET_82.substring(i, Math.min(SET_82.length(), i + 20));
      assertThat(LotId.of(chunk).value()).isEqualTo(chunk);
    }
  }

  @Test
  void lotId_twentyOneCharacters_rejected() {
    assertThatThrownBy(() -> LotId.of("ABCDEFGHIJ0123456789X"))
        .hasMessage("lot id longer than 20 characters");
  }

  @Test
  void lotId_empty_rejected() {
    assertThatThrownBy(() -> LotId.of("")).hasMessage("lot id is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "#", "~", "生", "$", "@", "[", "`", "{"})
  void lotId_forbiddenCharacter_rejectedNamingIt(String forbidden) {
    assertThatThrownBy(() -> LotId.of("LOT" + forbidden + "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lot id contains '" + forbidden + "', outside the GS1 AI 10 character set");
  }

  @Test
  void lotId_supplementaryCharacter_rejectedAsOneCharacter() {
    assertThatThrownBy(() -> LotId.of("A\uD83C\uDF3E"))
        .hasMessage("lot id contains '\uD83C\uDF3E', outside the GS1 AI 10 character set");
  }

  @Test
  void serialId_twentyOneCharacters_rejected() {
    assertThatThrownBy(() -> SerialId.of("000000000000000000001"))
        .hasMessage("serial id longer than 20 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "#", "~", "生"})
  void serialId_forbiddenCharacter_rejectedNamingAi21(String forbidden) {
    assertThatThrownBy(() -> SerialId.of("S" + forbidden))
        .hasMessage("serial id contains '" + forbidden + "', outside the GS1 AI 21 character set");
  }
}
