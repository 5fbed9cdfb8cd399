package net.suyuan.ledger.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sheet's PDF carries its own fonts, so neither writing it nor rendering it asks the machine for
 * a font: PDFBox (logging through commons-logging to java.util.logging here) reports no fallback.
 */
class LabelSheetFontsTest {
  private final Logger pdfbox = Logger.getLogger("org.apache.pdfbox");
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (r.getLevel().intValue() >= Level.INFO.intValue()) {
            logged.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    pdfbox.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    pdfbox.removeHandler(capture);
  }

  @Test
  void sheet_embedsLiberationSans_andNoFontFallbackIsLogged() throws Exception {
    LabelSheet sheet =
        LabelSheet.serialized(
            Gtin.of("06901234500004"), LotId.of("G2022-001A"), "https://id.example.cn", 1, 22, 6);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    sheet.write(pdf, LabelSheet.Progress.NONE);

    try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      SheetFonts.assertAllEmbedded(doc);
      new PDFRenderer(doc).renderImageWithDPI(0, 72);
    }
    assertThat(logged).as("PDFBox log while writing and rendering").isEmpty();
  }
}
