package net.suyuan.ledger.core.chain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one timestamp form in hashed data: RFC 3339 in UTC with exactly three fractional digits and a
 * literal {@code Z}, e.g. {@code 2022-03-01T08:00:00.000Z}. One spelling per instant keeps entries
 * canonical beyond what RFC 8785 can see inside a string.
 */
public final class Timestamps {

  private static final Instant MIN = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("+10000-01-01T00:00:00Z");

  private Timestamps() {}

  /**
   * The last instant formatted and text parsed: a group's entries share a time, a batch's events
   * usually share one too. Immutable, so a racy read sees a whole pair or an older one.
   */
  private record Memo(Instant instant, String text) {}

  private static volatile Memo lastFormatted = new Memo(Instant.EPOCH, "1970-01-01T00:00:00.000Z");
  private static volatile Memo lastParsed = lastFormatted;

  /** Formats an instant, which must have no precision below milliseconds, in the canonical form. */
  public static String format(Instant instant) {
    Memo memo = lastFormatted;
    if (memo.instant().equals(instant)) {
      return memo.text();
    }
    String text = formatNew(instant);
    lastFormatted = new Memo(instant, text);
    return text;
  }

  private static String formatNew(Instant instant) {
    if (instant.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("timestamps carry milliseconds, not finer: " + instant);
    }
    if (instant.isBefore(MIN) || !instant.isBefore(MAX)) {
      throw new IllegalArgumentException("year outside 0000-9999: " + instant);
    }
    // Hand-written rather than DateTimeFormatter: this runs for every entry written.
    java.time.LocalDateTime t =
        java.time.LocalDateTime.ofEpochSecond(
            instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    char[] c = new char[24];
    put(c, 0, t.getYear(), 4);
    c[4] = '-';
    put(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, t.getHour(), 2);
    c[13] = ':';
    put(c, 14, t.getMinute(), 2);
    c[16] = ':';
    put(c, 17, t.getSecond(), 2);
    c[19] = '.';
    put(c, 20, instant.getNano() / 1_000_000, 3);
    c[23] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** An instant truncated to what a timestamp can hold. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Byte-level check of the canonical form, for the verifier's hot loop: {@code
   * yyyy-MM-ddTHH:mm:ss.SSSZ} with a real calendar date and no leap second.
   */
  public static boolean isCanonical(byte[] in, int start, int end) {
    if (end - start != 24) {
      return false;
    }
    boolean bad = false;
    for (int i = 0; i < 24; i++) { // branch-free: each byte within [LOW[i], HIGH[i]]
      byte b = in[start + i];
      bad |= b < LOW[i] | b > HIGH[i];
    }
    if (bad) {
      return false;
    }
    int year = digits(in, start, 4);
    int month = digits(in, start + 5, 2);
    int day = digits(in, start + 8, 2);
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= (month == 2 ? (java.time.Year.isLeap(year) ? 29 : 28) : DAYS[month])
        && digits(in, start + 11, 2) < 24
        && digits(in, start + 14, 2) < 60
        && digits(in, start + 17, 2) < 60;
  }

  private static final int[] DAYS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private static final byte[] SHAPE =
      "dddd-dd-ddTdd:dd:dd.dddZ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] LOW = bounds('0');
  private static final byte[] HIGH = bounds('9');

  /** Per position of the shape: the digit bound for 'd', else the literal itself. */
  private static byte[] bounds(char digitBound) {
    byte[] b = SHAPE.clone();
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 'd') {
        b[i] = (byte) digitBound;
      }
    }
    return b;
  }

  private static int digits(byte[] in, int start, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) {
      value = value * 10 + (in[start + i] - '0');
    }
    return value;
  }

  /**
   * Parses the canonical form and nothing else. By hand rather than through a regex and {@link
   * Instant#parse}: this runs for every event an append request carries.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Instant parse(String text) {
    Memo memo = lastParsed;
    if (memo.text().equals(text)) {
      return memo.instant();
    }
    Instant instant = parseNew(text);
    lastParsed = new Memo(instant, text);
    return instant;
  }

  private static Instant parseNew(String text) {
    boolean bad = text.length() != 24;
    for (int i = 0; !bad && i < 24; i++) {
      char c = text.charAt(i);
      bad = c < LOW[i] || c > HIGH[i];
    }
    if (bad) {
      throw new IllegalArgumentException(
          "expected RFC 3339 UTC with milliseconds, like 2022-03-01T08:00:00.000Z");
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (month < 1
        || month > 12
        || day < 1
        || day > (month == 2 ? (java.time.Year.isLeap(year) ? 29 : 28) : DAYS[month])
        || hour > 23
        || minute > 59
        || second > 59) { // e.g. 23:59:60, which Instant.parse would take as the next second
      throw new IllegalArgumentException("not a valid date and time: " + text);
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(
        epochDay * 86_400 + hour * 3_600 + minute * 60 + second, digits(text, 20, 3) * 1_000_000L);
  }

  private static int digits(String in, int start, int count) {
    int value = 0;
    for (int i = 0; i < count; i++) {
      value = value * 10 + (in.charAt(start + i) - '0');
    }
    return value;
  }
}
