package net.suyuan.ledger.qr;

import java.util.Objects;
import java.util.Optional;

/**
 * How to draw one QR code: the image width in pixels, the quiet zone in modules, the
 * error-correction level and an optional caption drawn under the code.
 *
 * <p>Every module is drawn as a whole number of pixels, at least {@value #MIN_PIXELS_PER_MODULE}
 * (see {@link QrEncoder#minimumSize}); the code is centred and any pixels left over widen the
 * margin. A caption adds a band under the square, so a captioned image is taller than wide.
 *
 * @param size width of the image in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 * @param quietZone white margin in modules, {@value #MIN_QUIET_ZONE} to {@value #MAX_QUIET_ZONE};
 *     ISO/IEC 18004 §6.3.8 asks for 4
 * @param errorCorrection the error-correction level
 * @param caption text under the code, or {@code null} for none
 */
public record QrOptions(int size, int quietZone, ErrorCorrection errorCorrection, String caption) {
  /**
   * The fewest pixels a module may have. One pixel per module decodes from a pristine file, but any
   * resampling (a document scaled to fit, a browser at 90% zoom) then blurs modules into each
   * other; at three pixels a module survives a resample by a third either way with two clean
   * pixels.
   */
  public static final int MIN_PIXELS_PER_MODULE = 3;

  public static final int MIN_QUIET_ZONE = 2;
  public static final int MAX_QUIET_ZONE = 16;
  public static final int DEFAULT_QUIET_ZONE = 4;

  /** A version 1 symbol (21 modules) with the smallest quiet zone at the smallest module. */
  public static final int MIN_SIZE = (21 + 2 * MIN_QUIET_ZONE) * MIN_PIXELS_PER_MODULE;

  public static final int MAX_SIZE = 8192;

  /**
   * 512 px: a typical label URI (version 6 at level Q, 41 modules + 8 of quiet zone) gets 10 px a
   * module, which prints crisply at 300 dpi as a 43 mm square or scaled down to the label's 33 mm.
   */
  public static final int DEFAULT_SIZE = 512;

  public static final int MAX_CAPTION_LENGTH = 200;

  public QrOptions {
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be " + MIN_SIZE + " to " + MAX_SIZE + " pixels, got " + size);
    }
    if (quietZone < MIN_QUIET_ZONE || quietZone > MAX_QUIET_ZONE) {
      throw new IllegalArgumentException(
          "quiet zone must be "
              + MIN_QUIET_ZONE
              + " to "
              + MAX_QUIET_ZONE
              + " modules, got "
              + quietZone);
    }
    Objects.requireNonNull(errorCorrection, "errorCorrection");
    if (caption != null) {
      checkCaption(caption);
    }
  }

  /** 512 px, quiet zone 4, level Q, no caption. */
  public static QrOptions defaults() {
    return new QrOptions(DEFAULT_SIZE, DEFAULT_QUIET_ZONE, ErrorCorrection.Q, null);
  }

  public QrOptions withSize(int newSize) {
    return new QrOptions(newSize, quietZone, errorCorrection, caption);
  }

  public QrOptions withQuietZone(int modules) {
    return new QrOptions(size, modules, errorCorrection, caption);
  }

  public QrOptions withErrorCorrection(ErrorCorrection level) {
    return new QrOptions(size, quietZone, level, caption);
  }

  /** With a caption, or none for {@code null}. */
  public QrOptions withCaption(String text) {
    return new QrOptions(size, quietZone, errorCorrection, text);
  }

  public Optional<String> captionText() {
    return Optional.ofNullable(caption);
  }

  private static void checkCaption(String caption) {
    if (caption.isBlank()) {
      throw new IllegalArgumentException("caption is blank; pass null for no caption");
    }
    if (caption.length() > MAX_CAPTION_LENGTH) {
      throw new IllegalArgumentException(
          "caption has " + caption.length() + " characters; at most " + MAX_CAPTION_LENGTH);
    }
    for (int i = 0; i < caption.length(); i++) {
      if (Character.isISOControl(caption.charAt(i))) {
        throw new IllegalArgumentException("caption contains a control character at index " + i);
      }
    }
  }
}
