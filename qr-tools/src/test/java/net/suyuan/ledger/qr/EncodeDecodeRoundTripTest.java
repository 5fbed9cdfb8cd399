package net.suyuan.ledger.qr;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encode, then decode with ZXing and with zbar, for PNG and SVG (rasterized by librsvg), at every
 * error-correction level and several sizes down to the smallest the encoder allows. The URIs are
 * random; the seed is in every failure message ({@code -Dqr.seed=N} repeats a run).
 */
class EncodeDecodeRoundTripTest {
  private static final long SEED = Long.getLong("qr.seed", System.nanoTime());
  private final QrEncoder encoder = new QrEncoder();
  private final QrDecoder decoder = new QrDecoder();

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ErrorCorrection.class)
  void pngAndSvg_randomUris_decodeWithZxingAndZbar_atSeveralSizes(ErrorCorrection level)
      throws Exception {
    Random rnd = new Random(SEED + level.ordinal());
    QrOptions base = QrOptions.defaults().withErrorCorrection(level);
    for (int round = 0; round < 4; round++) {
      String uri = SampleLinks.uri(rnd);
      int min = encoder.minimumSize(uri, base);
      int[] sizes = {min, Math.max(min + 37, 333), 512, 1024};
      int size = sizes[round];
      QrOptions opts = base.withSize(size);
      String what = "seed " + SEED + ", level " + level + ", size " + size + ", uri " + uri;

      Path png = dir.resolve(level + "-" + size + ".png");
      Files.write(png, encoder.png(uri, opts));
      BufferedImage img = ImageIO.read(png.toFile());
      assertThat(img.getWidth()).as(what).isEqualTo(size);
      assertThat(img.getHeight()).as(what).isEqualTo(size);
      assertThat(decoder.decode(png)).as("ZXing, PNG, " + what).containsExactly(uri);
      assertThat(ExternalTools.zbarimg(png)).as("zbarimg, PNG, " + what).containsExactly(uri);

      Path svg = dir.resolve(level + "-" + size + ".svg");
      Files.writeString(svg, encoder.svg(uri, opts), UTF_8);
      Path raster = ExternalTools.rasterize(svg);
      assertThat(decoder.decode(raster)).as("ZXing, SVG, " + what).containsExactly(uri);
      assertThat(ExternalTools.zbarimg(raster)).as("zbarimg, SVG, " + what).containsExactly(uri);
    }
  }

  @ParameterizedTest
  @EnumSource(ErrorCorrection.class)
  void smallestAllowedPng_typicalLabelUri_stillDecodesWithBoth(ErrorCorrection level)
      throws Exception {
    for (int quietZone : new int[] {QrOptions.MIN_QUIET_ZONE, QrOptions.DEFAULT_QUIET_ZONE}) {
      QrOptions opts = QrOptions.defaults().withErrorCorrection(level).withQuietZone(quietZone);
      int min = encoder.minimumSize(SampleLinks.TYPICAL, opts);
      Path png = dir.resolve("min-" + level + "-" + quietZone + ".png");
      Files.write(png, encoder.png(SampleLinks.TYPICAL, opts.withSize(min)));
      String what = level + " quiet zone " + quietZone + " at " + min + " px";
      assertThat(decoder.decode(png)).as(what).containsExactly(SampleLinks.TYPICAL);
      assertThat(ExternalTools.zbarimg(png)).as(what).containsExactly(SampleLinks.TYPICAL);
      assertThatThrownBy(() -> encoder.png(SampleLinks.TYPICAL, opts.withSize(min - 1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least " + min + " px");
    }
  }

  /** The reason for 3 px a module: the smallest PNG, resampled smoothly by a third, still reads. */
  @ParameterizedTest
  @EnumSource(ErrorCorrection.class)
  void smallestAllowedPng_resampledBilinearByAThird_stillDecodesWithBoth(ErrorCorrection level)
      throws Exception {
    QrOptions opts = QrOptions.defaults().withErrorCorrection(level);
    int min = encoder.minimumSize(SampleLinks.TYPICAL, opts);
    BufferedImage png =
        ImageIO.read(
            new ByteArrayInputStream(encoder.png(SampleLinks.TYPICAL, opts.withSize(min))));
    for (double scale : new double[] {2.0 / 3, 4.0 / 3}) {
      int side = (int) Math.round(min * scale);
      BufferedImage resampled = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = resampled.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(png, 0, 0, side, side, null);
      g.dispose();
      Path file = dir.resolve("resampled-" + level + "-" + side + ".png");
      ImageIO.write(resampled, "png", file.toFile());
      String what = level + ", " + min + " px resampled to " + side + " px";
      assertThat(decoder.decode(file)).as(what).containsExactly(SampleLinks.TYPICAL);
      assertThat(ExternalTools.zbarimg(file)).as(what).containsExactly(SampleLinks.TYPICAL);
    }
  }

  @Test
  void captionedPngAndSvg_decodeWithBoth_andCaptionAddsABand() throws Exception {
    String caption = "(01) 06901234500004 (10) G2022-001A (21) 000123";
    QrOptions opts = QrOptions.defaults().withSize(400).withCaption(caption);
    Path png = dir.resolve("captioned.png");
    Files.write(png, encoder.png(SampleLinks.TYPICAL, opts));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(400);
    assertThat(img.getHeight()).isEqualTo(400 + 48);
    assertThat(decoder.decode(png)).containsExactly(SampleLinks.TYPICAL);
    assertThat(ExternalTools.zbarimg(png)).containsExactly(SampleLinks.TYPICAL);

    Path svg = dir.resolve("captioned.svg");
    Files.writeString(svg, encoder.svg(SampleLinks.TYPICAL, opts), UTF_8);
    Path raster = ExternalTools.rasterize(svg);
    assertThat(decoder.decode(raster)).containsExactly(SampleLinks.TYPICAL);
    assertThat(ExternalTools.zbarimg(raster)).containsExactly(SampleLinks.TYPICAL);
  }

  @Test
  void nonAsciiText_roundTripsAsUtf8() throws Exception {
    String text = "溯源 lot 一号";
    Path png = dir.resolve("utf8.png");
    Files.write(png, encoder.png(text, QrOptions.defaults()));
    assertThat(decoder.decode(png)).containsExactly(text);
    assertThat(ExternalTools.zbarimg(png)).containsExactly(text);
  }

  @Test
  void imageWithTwoCodes_decoderReturnsBoth() throws Exception {
    String other = "https://id.example.cn/01/06901234500004/10/G2022-002B";
    BufferedImage a =
        ImageIO.read(
            new ByteArrayInputStream(
                encoder.png(SampleLinks.TYPICAL, QrOptions.defaults().withSize(300))));
    BufferedImage b =
        ImageIO.read(
            new ByteArrayInputStream(encoder.png(other, QrOptions.defaults().withSize(300))));
    BufferedImage both = new BufferedImage(640, 320, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = both.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 640, 320);
    g.drawImage(a, 10, 10, null);
    g.drawImage(b, 330, 10, null);
    g.dispose();
    assertThat(decoder.decode(both)).containsExactlyInAnyOrder(SampleLinks.TYPICAL, other);
    Path file = dir.resolve("both.png");
    ImageIO.write(both, "png", file.toFile());
    assertThat(ExternalTools.zbarimg(file)).containsExactlyInAnyOrder(SampleLinks.TYPICAL, other);
  }

  @Test
  void blankImage_decodesToNothing() {
    BufferedImage white = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = white.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 200, 200);
    g.dispose();
    assertThat(decoder.decode(white)).isEqualTo(List.of());
  }
}
