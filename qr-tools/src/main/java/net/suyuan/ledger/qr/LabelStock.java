package net.suyuan.ledger.qr;

/**
 * A sheet of die-cut labels on A4 (210 × 297 mm), all lengths in millimetres from the top-left
 * corner of the page.
 *
 * @param columns labels across
 * @param rows labels down
 * @param labelWidth width of one label
 * @param labelHeight height of one label
 * @param left left page margin to the first column
 * @param top top page margin to the first row
 * @param columnPitch distance from one column's left edge to the next one's
 * @param rowPitch distance from one row's top edge to the next one's
 */
public record LabelStock(
    String name,
    int columns,
    int rows,
    double labelWidth,
    double labelHeight,
    double left,
    double top,
    double columnPitch,
    double rowPitch) {
  public static final double A4_WIDTH = 210;
  public static final double A4_HEIGHT = 297;

  /**
   * 21 labels of 63.5 × 38.1 mm in 3 columns and 7 rows, 2.5 mm between columns, none between rows,
   * margins 7.25 mm left and right and 15.15 mm top and bottom: the common A4 address-label layout
   * (Avery L7160 and the many compatible stocks sold as "A4 21-up 63.5 × 38.1").
   */
  public static final LabelStock A4_3X7 =
      new LabelStock("A4 3x7 63.5x38.1mm", 3, 7, 63.5, 38.1, 7.25, 15.15, 66.0, 38.1);

  public LabelStock {
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException("a stock needs at least one column and one row");
    }
    if (labelWidth <= 0 || labelHeight <= 0 || columnPitch < labelWidth || rowPitch < labelHeight) {
      throw new IllegalArgumentException("labels must have a size and must not overlap");
    }
    if (left < 0
        || top < 0
        || left + (columns - 1) * columnPitch + labelWidth > A4_WIDTH + 1e-9
        || top + (rows - 1) * rowPitch + labelHeight > A4_HEIGHT + 1e-9) {
      throw new IllegalArgumentException("the labels do not fit on an A4 page");
    }
  }

  public int perPage() {
    return columns * rows;
  }
}
