package net.suyuan.ledger.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class PngAndSvgFormatTest {
  private final QrEncoder encoder = new QrEncoder();

  /** Our direct 1-bit writer must match, pixel for pixel, ZXing's own scaled BitMatrix. */
  @ParameterizedTest
  @CsvSource({"512,4,Q", "147,4,Q", "333,2,L", "1000,6,H", "200,4,M"})
  void png_isOneBitGray_andMatchesZxingsRendering_pixelForPixel(
      int size, int quietZone, ErrorCorrection level) throws Exception {
    QrOptions opts = new QrOptions(size, quietZone, level, null);
    byte[] png = encoder.png(SampleLinks.TYPICAL, opts);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
    assertThat(img.getColorModel().getPixelSize()).isEqualTo(1);

    BitMatrix expected =
        new QRCodeWriter()
            .encode(
                SampleLinks.TYPICAL,
                BarcodeFormat.QR_CODE,
                size,
                size,
                Map.of(
                    EncodeHintType.ERROR_CORRECTION,
                    level.name(),
                    EncodeHintType.MARGIN,
                    quietZone));
    int mismatches = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean dark = (img.getRGB(x, y) & 0xffffff) == 0;
        if (dark != expected.get(x, y)) {
          mismatches++;
        }
      }
    }
    assertThat(mismatches).isZero();
  }

  @Test
  void svg_isWellFormed_onePathWithCrispEdges_captionEscapedAsText() throws Exception {
    String svg =
        encoder.svg(
            SampleLinks.TYPICAL, QrOptions.defaults().withCaption("lot <G2022> & \"co-op\""));
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new InputSource(new StringReader(svg)));
    var root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("shape-rendering")).isEqualTo("crispEdges");
    assertThat(root.getAttribute("viewBox")).startsWith("0 0 49 ");
    assertThat(doc.getElementsByTagName("path").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("text").item(0).getTextContent())
        .isEqualTo("lot <G2022> & \"co-op\"");
  }

  @Test
  void svg_withoutCaption_hasNoText_andIsSquare() {
    String svg = encoder.svg(SampleLinks.TYPICAL, QrOptions.defaults());
    assertThat(svg).doesNotContain("<text").contains("width=\"512\" height=\"512\"");
    assertThat(svg).contains("viewBox=\"0 0 49 49\"");
  }
}
