package net.suyuan.ledger.qr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SerialId;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * An A4 PDF of Digital Link QR labels for one lot: either one label per serialized unit (serials
 * {@code start, start+1, ...}, zero-padded to a fixed width) or {@code count} identical lot labels.
 * Each label holds the code on the left and the GTIN, lot and serial in words on the right.
 *
 * <p>Codes are vector rectangles, so they are exact at any printer resolution. A label refuses a
 * module narrower than {@value #MIN_MODULE_MM} mm: GS1 General Specifications (QR Code symbol
 * specification tables, §5.12.3) put the smallest X-dimension for QR codes on consumer units at
 * about 0.38–0.40 mm, and phone cameras need it.
 */
public final class LabelSheet {
  public static final int MAX_LABELS = 100_000;
  public static final int DEFAULT_SERIAL_DIGITS = 6;
  public static final double MIN_MODULE_MM = 0.40;

  /** Told after every label; {@code done} runs from 1 to {@code total}. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  private final Gtin gtin;
  private final LotId lot;
  private final String base;
  private final int count;
  private final long startSerial; // -1: lot labels without serial
  private final int serialDigits;
  private final LabelStock stock;
  private final ErrorCorrection level;

  private LabelSheet(
      Gtin gtin,
      LotId lot,
      String base,
      int count,
      long startSerial,
      int serialDigits,
      LabelStock stock,
      ErrorCorrection level) {
    this.gtin = Objects.requireNonNull(gtin, "gtin");
    this.lot = Objects.requireNonNull(lot, "lot");
    this.base = checkBase(base);
    if (count < 1 || count > MAX_LABELS) {
      throw new IllegalArgumentException(
          "count must be 1 to " + MAX_LABELS + " labels, got " + count);
    }
    this.count = count;
    this.startSerial = startSerial;
    this.serialDigits = serialDigits;
    this.stock = Objects.requireNonNull(stock, "stock");
    this.level = Objects.requireNonNull(level, "level");
    if (startSerial >= 0) {
      if (serialDigits < 1 || serialDigits > 20) {
        throw new IllegalArgumentException("serial digits must be 1 to 20, got " + serialDigits);
      }
      String last = Long.toString(startSerial + count - 1);
      if (last.length() > serialDigits) {
        throw new IllegalArgumentException(
            "the last serial "
                + last
                + " has "
                + last.length()
                + " digits; widen the serials (at most "
                + serialDigits
                + " now)");
      }
    }
    // Fail before writing anything if the longest URI does not fit the label at a readable size.
    LabelLayout.check(stock, Symbol.encode(link(count - 1).uri(base), level));
  }

  /** One label per unit: serials {@code startSerial ... startSerial + count - 1}, zero-padded. */
  public static LabelSheet serialized(
      Gtin gtin, LotId lot, String base, long startSerial, int count, int serialDigits) {
    if (startSerial < 0) {
      throw new IllegalArgumentException("start serial must be 0 or more, got " + startSerial);
    }
    return new LabelSheet(
        gtin, lot, base, count, startSerial, serialDigits, LabelStock.A4_3X7, ErrorCorrection.Q);
  }

  /** {@code copies} identical labels for the lot, without serial. */
  public static LabelSheet lot(Gtin gtin, LotId lot, String base, int copies) {
    return new LabelSheet(gtin, lot, base, copies, -1, 0, LabelStock.A4_3X7, ErrorCorrection.Q);
  }

  public LabelSheet withStock(LabelStock other) {
    return new LabelSheet(gtin, lot, base, count, startSerial, serialDigits, other, level);
  }

  public LabelSheet withErrorCorrection(ErrorCorrection other) {
    return new LabelSheet(gtin, lot, base, count, startSerial, serialDigits, stock, other);
  }

  public int labelCount() {
    return count;
  }

  public int pageCount() {
    return (count + stock.perPage() - 1) / stock.perPage();
  }

  public LabelStock stock() {
    return stock;
  }

  /** The Digital Link of label {@code i} (0-based). */
  public DigitalLink link(int i) {
    Objects.checkIndex(i, count);
    if (startSerial < 0) {
      return DigitalLink.of(gtin, lot);
    }
    String digits = Long.toString(startSerial + i);
    String padded = "0".repeat(serialDigits - digits.length()) + digits;
    return new DigitalLink(gtin, lot, SerialId.of(padded));
  }

  /** The URI label {@code i} encodes. */
  public String uri(int i) {
    return link(i).uri(base);
  }

  /** Writes the PDF; {@code out} is not closed. */
  public void write(OutputStream out, Progress progress) throws IOException {
    // Pages are spooled to a temporary file, so 100,000 labels do not sit in the heap.
    try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      LabelLayout layout = new LabelLayout(stock, LabelFonts.load(doc));
      int perPage = stock.perPage();
      for (int first = 0; first < count; first += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          for (int i = first; i < Math.min(count, first + perPage); i++) {
            DigitalLink link = link(i);
            Symbol symbol = Symbol.encode(link.uri(base), level);
            layout.draw(cs, i - first, symbol, humanReadable(link));
            progress.update(i + 1, count);
          }
        }
      }
      doc.getDocumentInformation().setTitle("GS1 Digital Link labels " + gtin + " " + lot);
      doc.getDocumentInformation().setCreator("suyuan qr-tools");
      doc.save(out);
    }
  }

  /** The lines printed beside the code: GS1 application identifier and value. */
  static List<String[]> humanReadable(DigitalLink link) {
    return link.serial() == null
        ? List.of(
            new String[] {"GTIN (01)", link.gtin().value()},
            new String[] {"LOT (10)", link.lot().value()})
        : List.of(
            new String[] {"GTIN (01)", link.gtin().value()},
            new String[] {"LOT (10)", link.lot().value()},
            new String[] {"SERIAL (21)", link.serial().value()});
  }

  private static String checkBase(String base) {
    if (base == null || !(base.startsWith("https://") || base.startsWith("http://"))) {
      throw new IllegalArgumentException(
          "base must be an http(s) URL such as https://id.example.cn, got " + base);
    }
    return base;
  }
}
