package net.suyuan.ledger.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QrOptionsTest {
  @Test
  void defaults_are512px_quietZone4_levelQ_noCaption() {
    QrOptions d = QrOptions.defaults();
    assertThat(d.size()).isEqualTo(512);
    assertThat(d.quietZone()).isEqualTo(4);
    assertThat(d.errorCorrection()).isEqualTo(ErrorCorrection.Q);
    assertThat(d.captionText()).isEmpty();
  }

  @Test
  void withers_changeOneField() {
    QrOptions o =
        QrOptions.defaults()
            .withSize(300)
            .withQuietZone(6)
            .withErrorCorrection(ErrorCorrection.H)
            .withCaption("lot 7");
    assertThat(o).isEqualTo(new QrOptions(300, 6, ErrorCorrection.H, "lot 7"));
    assertThat(o.withCaption(null).captionText()).isEmpty();
  }

  @Test
  void outOfRangeValues_areRejectedWithTheRange() {
    assertThatThrownBy(() -> QrOptions.defaults().withSize(QrOptions.MIN_SIZE - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be 75 to 8192 pixels, got 74");
    assertThatThrownBy(() -> QrOptions.defaults().withSize(8193)).hasMessageContaining("got 8193");
    assertThatThrownBy(() -> QrOptions.defaults().withQuietZone(1))
        .hasMessage("quiet zone must be 2 to 16 modules, got 1");
    assertThatThrownBy(() -> QrOptions.defaults().withErrorCorrection(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void badCaptions_areRejected() {
    assertThatThrownBy(() -> QrOptions.defaults().withCaption("  ")).hasMessageContaining("blank");
    assertThatThrownBy(() -> QrOptions.defaults().withCaption("a\nb"))
        .hasMessageContaining("control character at index 1");
    assertThatThrownBy(() -> QrOptions.defaults().withCaption("x".repeat(201)))
        .hasMessageContaining("at most 200");
  }
}
