package net.suyuan.ledger.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints a sheet, renders its pages with PDFBox and reads every label back with ZXing and zbar. */
class LabelSheetTest {
  private static final Gtin GTIN = Gtin.of("06901234500004");
  private static final LotId LOT = LotId.of("G2022-001A");
  private static final String BASE = "https://id.example.cn";
  private static final float DPI = 200;

  @TempDir Path dir;

  @Test
  void serializedSheet_everyLabelDecodes_inItsSlot_withZeroPaddedSerials() throws Exception {
    LabelSheet sheet = LabelSheet.serialized(GTIN, LOT, BASE, 998, 25, 6);
    List<int[]> progress = new ArrayList<>();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    sheet.write(pdf, (done, total) -> progress.add(new int[] {done, total}));

    assertThat(sheet.pageCount()).isEqualTo(2);
    assertThat(progress).hasSize(25);
    assertThat(progress.get(24)).containsExactly(25, 25);
    assertThat(sheet.uri(0)).isEqualTo(BASE + "/01/06901234500004/10/G2022-001A/21/000998");
    assertThat(sheet.uri(24)).endsWith("/21/001022");

    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      PDFRenderer renderer = new PDFRenderer(doc);
      List<String> decoded = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        BufferedImage page = renderer.renderImageWithDPI(p, DPI, ImageType.GRAY);
        int onPage = Math.min(21, 25 - p * 21);
        for (int slot = 0; slot < onPage; slot++) {
          // One label at a time, as a phone sees it. (zbarimg on the whole page at 150-200 dpi
          // misses a few of the 21 codes, whose finder patterns line up across labels.)
          BufferedImage label = cell(page, sheet.stock(), slot);
          String where = "page " + (p + 1) + " slot " + slot;
          String expected = sheet.uri(p * 21 + slot);
          List<String> found = new QrDecoder().decode(label);
          assertThat(found).as(where).containsExactly(expected);
          decoded.addAll(found);
          Path png = dir.resolve("p" + p + "-" + slot + ".png");
          ImageIO.write(label, "png", png.toFile());
          assertThat(ExternalTools.zbarimg(png)).as("zbarimg " + where).containsExactly(expected);
        }
      }
      assertThat(decoded.stream().map(u -> DigitalLink.parse(u).serial().value()))
          .hasSize(25)
          .startsWith("000998", "000999", "001000")
          .endsWith("001022")
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void lotSheet_hasIdenticalLabelsWithoutSerial() throws Exception {
    LabelSheet sheet = LabelSheet.lot(GTIN, LOT, BASE, 3);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    sheet.write(pdf, LabelSheet.Progress.NONE);
    String uri = BASE + "/01/06901234500004/10/G2022-001A";
    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.GRAY);
      for (int slot = 0; slot < 3; slot++) {
        BufferedImage label = cell(page, sheet.stock(), slot);
        assertThat(new QrDecoder().decode(label)).containsExactly(uri);
        Path png = dir.resolve("lot-" + slot + ".png");
        ImageIO.write(label, "png", png.toFile());
        assertThat(ExternalTools.zbarimg(png)).containsExactly(uri);
      }
      assertThat(new QrDecoder().decode(cell(page, sheet.stock(), 3))).isEmpty();
    }
  }

  @Test
  void invalidRequests_failBeforeWriting() {
    assertThatThrownBy(() -> LabelSheet.serialized(GTIN, LOT, BASE, 999, 2, 3))
        .hasMessageContaining("the last serial 1000 has 4 digits");
    assertThatThrownBy(() -> LabelSheet.lot(GTIN, LOT, BASE, 0))
        .hasMessageContaining("count must be 1 to 100000");
    assertThatThrownBy(() -> LabelSheet.serialized(GTIN, LOT, BASE, -1, 2, 6))
        .hasMessageContaining("start serial must be 0 or more");
    assertThatThrownBy(() -> LabelSheet.lot(GTIN, LOT, "id.example.cn", 1))
        .hasMessageContaining("base must be an http(s) URL");
    String longBase = "https://id.example.cn/" + "resolver/".repeat(30);
    assertThatThrownBy(
            () -> LabelSheet.lot(GTIN, LOT, longBase, 1).withErrorCorrection(ErrorCorrection.H))
        .hasMessageContaining("below the 0.40 mm minimum");
  }

  @Test
  void a4Stock_fillsThePage() {
    LabelStock s = LabelStock.A4_3X7;
    assertThat(s.perPage()).isEqualTo(21);
    assertThat(2 * s.left() + 2 * s.columnPitch() + s.labelWidth()).isEqualTo(210.0);
    assertThat(2 * s.top() + 6 * s.rowPitch() + s.labelHeight()).isCloseTo(297.0, within());
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  /** The label at {@code slot} cut out of a rendered page. */
  private static BufferedImage cell(BufferedImage page, LabelStock stock, int slot) {
    double pxPerMm = DPI / 25.4;
    int col = slot % stock.columns();
    int row = slot / stock.columns();
    int x = (int) Math.round((stock.left() + col * stock.columnPitch()) * pxPerMm);
    int y = (int) Math.round((stock.top() + row * stock.rowPitch()) * pxPerMm);
    int w = (int) Math.floor(stock.labelWidth() * pxPerMm);
    int h = (int) Math.floor(stock.labelHeight() * pxPerMm);
    return page.getSubimage(
        x, y, Math.min(w, page.getWidth() - x), Math.min(h, page.getHeight() - y));
  }
}
