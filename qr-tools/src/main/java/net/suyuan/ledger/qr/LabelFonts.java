package net.suyuan.ledger.qr;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of a label sheet, embedded (as subsets) in the PDF itself. The standard 14 fonts
 * (Helvetica) are not embedded, so a viewer, and PDFBox itself, substitutes whatever the machine
 * has: PDFBox then logs "Using fallback font ..." and the page looks different per machine.
 * Liberation Sans (metric-compatible with Helvetica, SIL Open Font License 1.1, see {@code
 * fonts/LICENSE-LiberationSans.txt}) ships in this jar, so the output is the same everywhere.
 *
 * @param label the small caption font ({@code GTIN (01)})
 * @param value the bold font of the identifiers
 */
record LabelFonts(PDType0Font label, PDType0Font value) {
  static final String REGULAR = "fonts/LiberationSans-Regular.ttf";
  static final String BOLD = "fonts/LiberationSans-Bold.ttf";

  /** Loads both fonts into {@code doc}; only the glyphs used are embedded when it is saved. */
  static LabelFonts load(PDDocument doc) throws IOException {
    return new LabelFonts(font(doc, REGULAR), font(doc, BOLD));
  }

  private static PDType0Font font(PDDocument doc, String resource) throws IOException {
    try (InputStream in = LabelFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("font " + resource + " is missing from the qr-tools jar");
      }
      return PDType0Font.load(doc, in);
    }
  }
}
