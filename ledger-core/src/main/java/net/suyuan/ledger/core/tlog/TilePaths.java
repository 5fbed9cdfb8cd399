package net.suyuan.ledger.core.tlog;

/** Path syntax shared by {@link HashTile} and {@link EntryBundleTile} (c2sp.org/tlog-tiles). */
final class TilePaths {
  private static final int MAX_INDEX_GROUPS = 7; // Long.MAX_VALUE has 19 digits.

  private TilePaths() {}

  static void checkIndexAndWidth(long index, int width) {
    if (index < 0 || index > Long.MAX_VALUE / TilePath.FULL_WIDTH) {
      throw new IllegalArgumentException("tile index out of range: " + index);
    }
    if (width < 1 || width > TilePath.FULL_WIDTH) {
      throw new IllegalArgumentException("tile width must be in [1, 256], got " + width);
    }
  }

  /** "x001/x234/067" for 1234067, then ".p/W" for a partial tile. */
  static String formatIndexAndWidth(long index, int width) {
    String digits = Long.toString(index);
    int pad = (3 - digits.length() % 3) % 3;
    digits = "0".repeat(pad) + digits;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 3) {
      if (i + 3 < digits.length()) {
        out.append('x').append(digits, i, i + 3).append('/');
      } else {
        out.append(digits, i, i + 3);
      }
    }
    if (width < TilePath.FULL_WIDTH) {
      out.append(".p/").append(width);
    }
    return out.toString();
  }

  /** Whether a tree of {@code treeSize} holds every hash of the tile (overflow: it cannot). */
  static boolean isCompleteIn(int level, long index, int width, long treeSize) {
    long count = index * TilePath.FULL_WIDTH + width;
    int shift = TilePath.HEIGHT * level;
    if (shift >= 63 || count > (Long.MAX_VALUE >> shift)) {
      return false;
    }
    return (count << shift) <= treeSize;
  }

  static TilePath parse(String path) throws LogFormatException {
    if (!path.startsWith("tile/")) {
      throw new LogFormatException("tile path must start with tile/: " + path);
    }
    String[] parts = path.substring("tile/".length()).split("/", -1);
    if (parts.length < 2) {
      throw new LogFormatException("tile path too short: " + path);
    }
    int width = TilePath.FULL_WIDTH;
    int end = parts.length;
    if (parts.length >= 3 && parts[parts.length - 2].endsWith(".p")) {
      width = parseSmall(parts[parts.length - 1], 1, TilePath.FULL_WIDTH - 1, "width", path);
      parts[parts.length - 2] =
          parts[parts.length - 2].substring(0, parts[parts.length - 2].length() - 2);
      end = parts.length - 1;
    }
    long index = parseIndex(parts, 1, end, path);
    TilePath tile;
    if (parts[0].equals("entries")) {
      tile = new EntryBundleTile(index, width);
    } else {
      int level = parseSmall(parts[0], 0, 63, "level", path);
      tile = new HashTile(level, index, width);
    }
    if (!tile.path().equals(path)) {
      throw new LogFormatException("tile path is not canonical: " + path);
    }
    return tile;
  }

  private static int parseSmall(String s, int min, int max, String what, String path)
      throws LogFormatException {
    if (s.isEmpty() || s.length() > 3 || (s.length() > 1 && s.charAt(0) == '0') || !digits(s)) {
      throw new LogFormatException("bad tile " + what + " in " + path);
    }
    int v = Integer.parseInt(s);
    if (v < min || v > max) {
      throw new LogFormatException("tile " + what + " out of range in " + path);
    }
    return v;
  }

  private static long parseIndex(String[] parts, int from, int to, String path)
      throws LogFormatException {
    int groups = to - from;
    if (groups < 1 || groups > MAX_INDEX_GROUPS) {
      throw new LogFormatException("bad tile index in " + path);
    }
    long index = 0;
    for (int i = from; i < to; i++) {
      String g = parts[i];
      if (i < to - 1) {
        if (!g.startsWith("x")) {
          throw new LogFormatException("tile index group must start with x in " + path);
        }
        g = g.substring(1);
      }
      if (g.length() != 3 || !digits(g)) {
        throw new LogFormatException("tile index groups are 3 digits in " + path);
      }
      try {
        index = Math.addExact(Math.multiplyExact(index, 1000), Integer.parseInt(g));
      } catch (ArithmeticException e) {
        throw new LogFormatException("tile index too large in " + path);
      }
    }
    if (index > Long.MAX_VALUE / TilePath.FULL_WIDTH) {
      throw new LogFormatException("tile index too large in " + path);
    }
    return index;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
