package net.suyuan.ledger.core.event;

/**
 * Code points refused in strings appended to the ledger (docs/events.md, "Bounds at append"): they
 * are invisible, or reorder or hide the text around them, so a page would show a consumer something
 * else than what was recorded (a right-to-left override U+202E after {@code LOT-} makes {@code A-1}
 * display as {@code 1-A}; a zero-width space makes two ids look equal). An explicit list rather
 * than {@link Character#getType}, so the rule does not move with the JDK's Unicode version:
 *
 * <ul>
 *   <li>controls: C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F;
 *   <li>line and paragraph separators U+2028, U+2029;
 *   <li>bidirectional controls: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069;
 *   <li>invisible format characters (Unicode general category Cf through Unicode 15): U+00AD,
 *       U+0600–U+0605, U+06DD, U+070F, U+0890–U+0891, U+08E2, U+180E, U+200B–U+200D, U+2060–U+2065,
 *       U+206A–U+206F, U+FEFF, U+FFF9–U+FFFB, U+110BD, U+110CD, U+13430–U+1343F, U+1BCA0–U+1BCA3,
 *       U+1D173–U+1D17A, U+E0000–U+E007F;
 *   <li>private use U+E000–U+F8FF, U+F0000–U+10FFFF, and noncharacters U+FDD0–U+FDEF and U+nFFFE,
 *       U+nFFFF of every plane.
 * </ul>
 *
 * <p>Public so that text outside the ledger which is shown to people (household profiles in the
 * api) is held to the same list, rather than to a copy that could drift from it.
 */
public final class InvisibleCharacters {
  /** Inclusive ranges, sorted. */
  private static final int[][] RANGES = {
    {0x0000, 0x001F},
    {0x007F, 0x009F},
    {0x00AD, 0x00AD},
    {0x0600, 0x0605},
    {0x061C, 0x061C},
    {0x06DD, 0x06DD},
    {0x070F, 0x070F},
    {0x0890, 0x0891},
    {0x08E2, 0x08E2},
    {0x180E, 0x180E},
    {0x200B, 0x200F},
    {0x2028, 0x202E},
    {0x2060, 0x206F},
    {0xE000, 0xF8FF},
    {0xFDD0, 0xFDEF},
    {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB},
    {0x110BD, 0x110BD},
    {0x110CD, 0x110CD},
    {0x13430, 0x1343F},
    {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A},
    {0xE0000, 0xE007F},
    {0xF0000, 0x10FFFF},
  };

  private InvisibleCharacters() {}

  static boolean isRefused(int cp) {
    if ((cp & 0xFFFE) == 0xFFFE) { // U+nFFFE and U+nFFFF: noncharacters in every plane
      return true;
    }
    for (int[] r : RANGES) {
      if (cp < r[0]) {
        return false;
      }
      if (cp <= r[1]) {
        return true;
      }
    }
    return false;
  }

  /** Index (in chars) of the first refused code point, or -1. */
  public static int indexIn(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x20 && cp < 0x7F) { // printable ASCII: the common case, decided at once
        i++;
        continue;
      }
      if (isRefused(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** {@code U+XXXX}, as error messages name a refused code point. */
  public static String describe(int cp) {
    return String.format("U+%04X", cp);
  }
}
