package net.suyuan.ledger.core.tlog;

/** Reads newline-terminated lines off a text, then the rest verbatim (for a trailing note). */
final class TextLines {
  private final String text;
  private final String what;
  private int at;

  TextLines(String text, String what) {
    this.text = text;
    this.what = what;
  }

  String next() throws LogFormatException {
    int nl = text.indexOf('\n', at);
    if (nl < 0) {
      throw new LogFormatException(what + " ends before its checkpoint");
    }
    String line = text.substring(at, nl);
    at = nl + 1;
    return line;
  }

  String rest() {
    return text.substring(at);
  }
}
