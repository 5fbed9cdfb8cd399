package net.suyuan.ledger.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Finds every QR code in an image with ZXing's multi-symbol reader ({@code TRY_HARDER}).
 * Thread-safe: each call makes its own readers.
 */
public final class QrDecoder {
  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(
          DecodeHintType.TRY_HARDER,
          Boolean.TRUE,
          DecodeHintType.POSSIBLE_FORMATS,
          List.of(BarcodeFormat.QR_CODE));

  /**
   * The distinct texts of the QR codes found, in the order found; empty if there are none. Tries
   * the local-threshold binarizer first (uneven light in photos), then the global one (large flat
   * areas), then the single-symbol reader.
   */
  public List<String> decode(BufferedImage image) {
    LuminanceSource source = new BufferedImageLuminanceSource(image);
    Set<String> texts = new LinkedHashSet<>();
    for (BinaryBitmap bitmap :
        List.of(
            new BinaryBitmap(new HybridBinarizer(source)),
            new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
      try {
        for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, HINTS)) {
          texts.add(r.getText());
        }
      } catch (NotFoundException e) {
        // none with this binarizer
      }
      if (!texts.isEmpty()) {
        return new ArrayList<>(texts);
      }
      try {
        texts.add(new QRCodeReader().decode(bitmap, HINTS).getText());
        return new ArrayList<>(texts);
      } catch (ReaderException e) {
        // none with this binarizer
      }
    }
    return List.of();
  }

  /** Reads a PNG, JPEG, GIF or BMP file and decodes it. */
  public List<String> decode(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    BufferedImage image = ImageIO.read(file.toFile());
    if (image == null) {
      throw new IOException(file + " is not an image this decoder reads (PNG, JPEG, GIF, BMP)");
    }
    return decode(image);
  }
}
