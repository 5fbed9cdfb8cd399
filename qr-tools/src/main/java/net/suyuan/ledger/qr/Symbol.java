package net.suyuan.ledger.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import java.util.Map;

/**
 * One encoded QR symbol: its dark modules, without quiet zone. ZXing chooses the smallest version
 * for the text at the level and the mask with the lowest penalty (ISO/IEC 18004 §7.8.3).
 */
final class Symbol {
  private final int modules;
  private final int version;
  private final boolean[] dark;

  private Symbol(int modules, int version, boolean[] dark) {
    this.modules = modules;
    this.version = version;
    this.dark = dark;
  }

  static Symbol encode(String text, ErrorCorrection level) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("nothing to encode: the text is empty");
    }
    // Digital Link URIs are ASCII (DigitalLink percent-encodes). Other text is written as UTF-8
    // with an ECI header (§7.4.2) so readers do not guess ISO-8859-1.
    Map<EncodeHintType, Object> hints =
        text.chars().allMatch(c -> c < 0x80)
            ? Map.of()
            : Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");
    QRCode code;
    try {
      code = Encoder.encode(text, level.zxing(), hints);
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "text too long for a QR code at level " + level + ": " + e.getMessage(), e);
    }
    ByteMatrix m = code.getMatrix();
    int n = m.getWidth();
    boolean[] dark = new boolean[n * n];
    byte[][] rows = m.getArray();
    for (int y = 0; y < n; y++) {
      byte[] row = rows[y];
      for (int x = 0; x < n; x++) {
        dark[y * n + x] = row[x] == 1;
      }
    }
    return new Symbol(n, code.getVersion().getVersionNumber(), dark);
  }

  /** Modules per side, without quiet zone: 21 for version 1, 4 more per version. */
  int modules() {
    return modules;
  }

  int version() {
    return version;
  }

  boolean dark(int x, int y) {
    return dark[y * modules + x];
  }

  /** Modules per side with the quiet zone on both sides. */
  int span(int quietZone) {
    return modules + 2 * quietZone;
  }
}
