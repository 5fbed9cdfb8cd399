package net.suyuan.ledger.qr;

import java.util.Locale;

/**
 * SVG 1.1 for a symbol. User units are modules (the viewBox), so the drawing is exact at any scale;
 * {@code width}/{@code height} give the nominal size in pixels. The dark modules are one path of
 * horizontal runs, drawn with {@code shape-rendering="crispEdges"} (SVG 1.1 §11.7.1) so renderers
 * do not antialias module edges into grey seams.
 */
final class Svg {
  private Svg() {}

  static String of(Symbol s, QrOptions opts) {
    int q = opts.quietZone();
    int span = s.span(q);
    double band = opts.caption() == null ? 0 : span * QrEncoder.CAPTION_BAND;
    int heightPx =
        opts.caption() == null
            ? opts.size()
            : opts.size() + Math.max(12, (int) Math.round(opts.size() * QrEncoder.CAPTION_BAND));
    StringBuilder b = new StringBuilder(4096);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        .append(opts.size())
        .append("\" height=\"")
        .append(heightPx)
        .append("\" viewBox=\"0 0 ")
        .append(span)
        .append(' ')
        .append(num(span + band))
        .append("\" shape-rendering=\"crispEdges\">\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n")
        .append("<path fill=\"#000\" d=\"");
    for (int y = 0; y < s.modules(); y++) {
      int x = 0;
      while (x < s.modules()) {
        if (!s.dark(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < s.modules() && s.dark(x, y)) {
          x++;
        }
        int w = x - start;
        b.append('M')
            .append(start + q)
            .append(',')
            .append(y + q)
            .append('h')
            .append(w)
            .append("v1h-")
            .append(w)
            .append('z');
      }
    }
    b.append("\"/>\n");
    if (opts.caption() != null) {
      String text = opts.caption();
      // Monospace glyphs are about 0.6 em wide, so the font size that fits the width is known
      // without measuring; the text never reaches into the quiet zone above it.
      double fontSize = Math.min(band * 0.6, (span - 2.0) / (0.6 * text.length()));
      b.append("<text x=\"")
          .append(num(span / 2.0))
          .append("\" y=\"")
          .append(num(span + band / 2))
          .append("\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"")
          .append(num(fontSize))
          .append("\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#000\">")
          .append(escape(text))
          .append("</text>\n");
    }
    return b.append("</svg>\n").toString();
  }

  private static String num(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }
}
