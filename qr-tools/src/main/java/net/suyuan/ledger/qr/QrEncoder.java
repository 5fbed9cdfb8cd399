package net.suyuan.ledger.qr;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.util.Arrays;

/**
 * Draws QR codes as PNG (1-bit grayscale) or SVG (one path). Stateless and thread-safe.
 *
 * <p>Both refuse a size that would give a module fewer than {@link QrOptions#MIN_PIXELS_PER_MODULE}
 * pixels for the given text; {@link #minimumSize} says what the text needs.
 */
public final class QrEncoder {
  /** Height of the caption band as a share of the width. */
  static final double CAPTION_BAND = 0.12;

  /** The smallest {@link QrOptions#size()} at which {@code text} can be drawn with {@code opts}. */
  public int minimumSize(String text, QrOptions opts) {
    Symbol s = Symbol.encode(text, opts.errorCorrection());
    return Math.max(QrOptions.MIN_SIZE, s.span(opts.quietZone()) * QrOptions.MIN_PIXELS_PER_MODULE);
  }

  /** A PNG of {@code text}: black on white, 1-bit grayscale, {@code opts.size()} pixels wide. */
  public byte[] png(String text, QrOptions opts) {
    Symbol s = Symbol.encode(text, opts.errorCorrection());
    int px = pixelsPerModule(s, opts);
    int size = opts.size();
    int offset = (size - s.span(opts.quietZone()) * px) / 2 + opts.quietZone() * px;
    if (opts.caption() != null) {
      return captioned(s, opts, px, offset);
    }
    int stride = (size + 7) / 8;
    byte[] packed = new byte[stride * size];
    Arrays.fill(packed, (byte) 0xff);
    byte[] row = new byte[stride];
    for (int my = 0; my < s.modules(); my++) {
      Arrays.fill(row, (byte) 0xff);
      for (int mx = 0; mx < s.modules(); mx++) {
        if (s.dark(mx, my)) {
          clearBits(row, offset + mx * px, px);
        }
      }
      int y0 = offset + my * px;
      for (int dy = 0; dy < px; dy++) {
        System.arraycopy(row, 0, packed, (y0 + dy) * stride, stride);
      }
    }
    return Png.gray1(size, size, packed);
  }

  /** An SVG of {@code text}: one path of dark modules, crisp edges, caption as {@code <text>}. */
  public String svg(String text, QrOptions opts) {
    Symbol s = Symbol.encode(text, opts.errorCorrection());
    pixelsPerModule(s, opts);
    return Svg.of(s, opts);
  }

  static int pixelsPerModule(Symbol s, QrOptions opts) {
    int span = s.span(opts.quietZone());
    int px = opts.size() / span;
    if (px < QrOptions.MIN_PIXELS_PER_MODULE) {
      throw new IllegalArgumentException(
          "size "
              + opts.size()
              + " px is too small for this text: version "
              + s.version()
              + " at level "
              + opts.errorCorrection()
              + " has "
              + s.modules()
              + " modules + "
              + 2 * opts.quietZone()
              + " of quiet zone, at least "
              + QrOptions.MIN_PIXELS_PER_MODULE
              + " px each, so at least "
              + span * QrOptions.MIN_PIXELS_PER_MODULE
              + " px");
    }
    return px;
  }

  private static void clearBits(byte[] row, int from, int count) {
    for (int x = from; x < from + count; x++) {
      row[x >> 3] &= (byte) ~(0x80 >>> (x & 7));
    }
  }

  /** The captioned image goes through AWT for the text, still written as 1-bit PNG. */
  private static byte[] captioned(Symbol s, QrOptions opts, int px, int offset) {
    int size = opts.size();
    int band = Math.max(12, (int) Math.round(size * CAPTION_BAND));
    BufferedImage img = new BufferedImage(size, size + band, BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size + band);
      g.setColor(Color.BLACK);
      for (int my = 0; my < s.modules(); my++) {
        for (int mx = 0; mx < s.modules(); mx++) {
          if (s.dark(mx, my)) {
            g.fillRect(offset + mx * px, offset + my * px, px, px);
          }
        }
      }
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
      // The caption sits below the quiet zone, so it never touches the symbol.
      Font font = new Font(Font.MONOSPACED, Font.PLAIN, Math.max(8, band * 6 / 10));
      FontMetrics fm = g.getFontMetrics(font);
      int maxWidth = size - 2 * px;
      while (fm.stringWidth(opts.caption()) > maxWidth && font.getSize() > 6) {
        font = font.deriveFont((float) (font.getSize() - 1));
        fm = g.getFontMetrics(font);
      }
      g.setFont(font);
      int x = Math.max(0, (size - fm.stringWidth(opts.caption())) / 2);
      int y = size + (band - fm.getHeight()) / 2 + fm.getAscent();
      g.drawString(opts.caption(), x, y);
    } finally {
      g.dispose();
    }
    MultiPixelPackedSampleModel sm = (MultiPixelPackedSampleModel) img.getSampleModel();
    byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    int stride = (size + 7) / 8;
    if (sm.getScanlineStride() == stride) {
      return Png.gray1(size, size + band, data);
    }
    byte[] packed = new byte[stride * (size + band)];
    for (int y = 0; y < size + band; y++) {
      System.arraycopy(data, y * sm.getScanlineStride(), packed, y * stride, stride);
    }
    return Png.gray1(size, size + band, packed);
  }
}
