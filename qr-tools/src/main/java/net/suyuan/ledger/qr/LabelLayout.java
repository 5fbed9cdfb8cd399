package net.suyuan.ledger.qr;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Where things go on one label: a square for the code (quiet zone included) at the left, padded
 * {@value #PAD_MM} mm from the label's edges, and the text lines in the rest. PDF user space is in
 * points from the bottom-left (ISO 32000-1 §8.3.2.3), so every millimetre is converted here.
 */
final class LabelLayout {
  static final double PAD_MM = 2.5;
  static final int QUIET_ZONE = 4;
  private static final double PT_PER_MM = 72 / 25.4;

  private final LabelStock stock;
  private final LabelFonts fonts;

  LabelLayout(LabelStock stock, LabelFonts fonts) {
    this.stock = stock;
    this.fonts = fonts;
  }

  /** Side of the code square (with quiet zone) in millimetres. */
  static double codeSide(LabelStock stock) {
    return Math.min(stock.labelHeight(), stock.labelWidth() * 0.6) - 2 * PAD_MM;
  }

  static void check(LabelStock stock, Symbol widest) {
    double module = codeSide(stock) / widest.span(QUIET_ZONE);
    if (module < LabelSheet.MIN_MODULE_MM) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the URI needs a version %d code (%d modules); on %s a module would be %.2f mm,"
                  + " below the %.2f mm minimum: use a shorter base URL, lot or serial",
              widest.version(),
              widest.modules(),
              stock.name(),
              module,
              LabelSheet.MIN_MODULE_MM));
    }
  }

  void draw(PDPageContentStream cs, int slot, Symbol symbol, List<String[]> lines)
      throws IOException {
    int col = slot % stock.columns();
    int row = slot / stock.columns();
    double labelLeft = stock.left() + col * stock.columnPitch();
    double labelTop = stock.top() + row * stock.rowPitch();
    double side = codeSide(stock);
    double codeLeft = labelLeft + PAD_MM;
    double codeTop = labelTop + (stock.labelHeight() - side) / 2;
    double module = side / symbol.span(QUIET_ZONE);

    // The dark modules as one path of horizontal runs, filled once: no seams between rows.
    cs.setNonStrokingColor(0f);
    int n = symbol.modules();
    for (int y = 0; y < n; y++) {
      int x = 0;
      while (x < n) {
        if (!symbol.dark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < n && symbol.dark(x, y)) {
          x++;
        }
        double left = codeLeft + (QUIET_ZONE + start) * module;
        double top = codeTop + (QUIET_ZONE + y) * module;
        cs.addRect(
            pt(left),
            pt(LabelStock.A4_HEIGHT - top - module),
            pt((x - start) * module),
            pt(module));
      }
    }
    cs.fill();

    double textLeft = codeLeft + side + 1.5;
    double textWidth = labelLeft + stock.labelWidth() - PAD_MM - textLeft;
    double fieldHeight = Math.min(10.5, (stock.labelHeight() - 2 * PAD_MM) / lines.size());
    double y = labelTop + (stock.labelHeight() - fieldHeight * lines.size()) / 2;
    for (String[] line : lines) {
      text(cs, fonts.label(), 6, line[0], textLeft, y + 3.2, textWidth);
      text(cs, fonts.value(), 9, line[1], textLeft, y + 7.6, textWidth);
      y += fieldHeight;
    }
  }

  /** Shows {@code s} with its baseline at {@code baseline} mm from the top, shrunk to fit. */
  private static void text(
      PDPageContentStream cs,
      PDFont font,
      float size,
      String s,
      double left,
      double baseline,
      double maxWidthMm)
      throws IOException {
    float width = font.getStringWidth(s) / 1000 * size;
    float fitted = (float) Math.min(size, size * pt(maxWidthMm) / width);
    cs.beginText();
    cs.setFont(font, Math.max(4f, fitted));
    cs.newLineAtOffset(pt(left), pt(LabelStock.A4_HEIGHT - baseline));
    cs.showText(s);
    cs.endText();
  }

  private static float pt(double mm) {
    return (float) (mm * PT_PER_MM);
  }
}
