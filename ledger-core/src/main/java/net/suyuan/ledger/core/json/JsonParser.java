package net.suyuan.ledger.core.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * A strict RFC 8259 parser over UTF-8 bytes that accepts only I-JSON (RFC 7493): invalid UTF-8,
 * duplicate member names, lone surrogates and numbers that overflow a double are errors. Nesting is
 * limited so hostile input cannot exhaust the stack.
 */
public final class JsonParser {
  /** Maximum depth of nested arrays and objects. */
  public static final int MAX_DEPTH = 64;

  private final byte[] in;
  private final int end;
  private int pos;
  private final StringBuilder text = new StringBuilder(64);

  /** Numbers must be written as integers; set by {@link #parseIntegersOnly}. */
  private final boolean integersOnly;

  /** Member names (String) and array indexes (int[1]) down to the current value, when tracked. */
  private final java.util.ArrayDeque<Object> path;

  private JsonParser(byte[] in, int offset, int length, boolean integersOnly) {
    this.in = in;
    this.pos = offset;
    this.end = offset + length;
    this.integersOnly = integersOnly;
    this.path = integersOnly ? new java.util.ArrayDeque<>() : null;
  }

  public static JsonValue parse(byte[] utf8) throws JsonParseException {
    return parse(utf8, 0, utf8.length);
  }

  public static JsonValue parse(String json) throws JsonParseException {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses exactly one JSON text filling {@code in[offset, offset + length)}. */
  public static JsonValue parse(byte[] in, int offset, int length) throws JsonParseException {
    return new JsonParser(in, offset, length, false).document();
  }

  /**
   * Parses input that may hold integers only, as the ledger's event bodies do (docs/events.md): a
   * number written with a fraction or an exponent ({@code 1.0}, {@code 1e0}, {@code 1e-400}) or as
   * {@code -0} is an error naming its path ({@link JsonParseException#path()}), where {@link
   * #parse} would read {@code 1.0} and {@code 1e0} as 1 and {@code 1e-400} and {@code -0} as 0. For
   * input received from clients; stored canonical entries are read with {@link #parse}.
   */
  public static JsonValue parseIntegersOnly(byte[] utf8) throws JsonParseException {
    return new JsonParser(utf8, 0, utf8.length, true).document();
  }

  private JsonValue document() throws JsonParseException {
    skipWhitespace();
    JsonValue value = value(0);
    skipWhitespace();
    if (pos != end) {
      throw error("unexpected data after the JSON value");
    }
    return value;
  }

  private JsonValue value(int depth) throws JsonParseException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    byte b = in[pos];
    switch (b) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return new JsonString(string());
      case 't':
        literal("true");
        return JsonBool.TRUE;
      case 'f':
        literal("false");
        return JsonBool.FALSE;
      case 'n':
        literal("null");
        return JsonNull.INSTANCE;
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return number();
        }
        throw error("unexpected character '" + printable(b) + "'");
    }
  }

  private JsonObject object(int depth) throws JsonParseException {
    checkDepth(depth);
    pos++; // '{'
    LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return new JsonObject(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      int nameAt = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (path != null) {
        path.addLast(name);
      }
      JsonValue value = value(depth);
      if (path != null) {
        path.removeLast();
      }
      if (members.put(name, value) != null) {
        throw new JsonParseException("duplicate member name \"" + name + "\"", nameAt);
      }
      skipWhitespace();
      byte b = next();
      if (b == '}') {
        return new JsonObject(members);
      }
      if (b != ',') {
        throw error(pos - 1, "expected ',' or '}'");
      }
    }
  }

  private JsonArray array(int depth) throws JsonParseException {
    checkDepth(depth);
    pos++; // '['
    ArrayList<JsonValue> values = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return new JsonArray(values);
    }
    while (true) {
      skipWhitespace();
      if (path != null) {
        path.addLast(new int[] {values.size()});
      }
      values.add(value(depth));
      if (path != null) {
        path.removeLast();
      }
      skipWhitespace();
      byte b = next();
      if (b == ']') {
        return new JsonArray(values);
      }
      if (b != ',') {
        throw error(pos - 1, "expected ',' or ']'");
      }
    }
  }

  private String string() throws JsonParseException {
    int start = pos;
    pos++; // opening quote
    text.setLength(0);
    while (true) {
      if (pos >= end) {
        throw error(start, "unterminated string");
      }
      int b = in[pos] & 0xff;
      if (b == '"') {
        pos++;
        break;
      } else if (b == '\\') {
        escape();
      } else if (b < 0x20) {
        throw error("unescaped control character in string");
      } else if (b < 0x80) {
        text.append((char) b);
        pos++;
      } else {
        pos = Utf8.decode(in, pos, end, text);
        if (pos < 0) {
          throw error(-pos - 1, "invalid UTF-8");
        }
      }
    }
    String s = text.toString();
    try {
      new JsonString(s);
    } catch (IllegalArgumentException e) {
      throw error(start, "lone surrogate in string");
    }
    return s;
  }

  private void escape() throws JsonParseException {
    pos++; // backslash
    byte e = next();
    switch (e) {
      case '"' -> text.append('"');
      case '\\' -> text.append('\\');
      case '/' -> text.append('/');
      case 'b' -> text.append('\b');
      case 'f' -> text.append('\f');
      case 'n' -> text.append('\n');
      case 'r' -> text.append('\r');
      case 't' -> text.append('\t');
      case 'u' -> {
        if (end - pos < 4) {
          throw error("truncated \\u escape");
        }
        int cp = 0;
        for (int i = 0; i < 4; i++) {
          int d = Character.digit(in[pos++], 16);
          if (d < 0) {
            throw error(pos - 1, "invalid hex digit in \\u escape");
          }
          cp = (cp << 4) | d;
        }
        text.append((char) cp);
      }
      default -> throw error(pos - 1, "invalid escape '\\" + printable(e) + "'");
    }
  }

  private JsonNumber number() throws JsonParseException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (integersOnly && pos - start == 2 && !isFractionOrExponent(peek())) {
        throw notInteger(start, "-0 is not an integer; write 0");
      }
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        pos++;
      }
    } else {
      throw error("expected a digit");
    }
    if (integersOnly && isFractionOrExponent(peek())) {
      throw notInteger(
          start, "must be an integer written without a fraction or an exponent (I-JSON integers)");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in exponent");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    double value =
        Double.parseDouble(new String(in, start, pos - start, StandardCharsets.US_ASCII));
    if (!Double.isFinite(value)) {
      throw error(start, "number out of range for IEEE 754 double");
    }
    return new JsonNumber(value);
  }

  private static boolean isFractionOrExponent(int b) {
    return b == '.' || b == 'e' || b == 'E';
  }

  private JsonParseException notInteger(int at, String message) {
    StringBuilder p = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof int[] index) {
        p.append('[').append(index[0]).append(']');
      } else {
        p.append(p.length() == 0 ? "" : ".").append(segment);
      }
    }
    return new JsonParseException(message, at, p.length() == 0 ? null : p.toString());
  }

  private void literal(String word) throws JsonParseException {
    for (int i = 0; i < word.length(); i++) {
      if (pos >= end || in[pos] != word.charAt(i)) {
        throw error("invalid literal, expected " + word);
      }
      pos++;
    }
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = in[pos];
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return;
      }
      pos++;
    }
  }

  private void checkDepth(int depth) throws JsonParseException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
  }

  private int peek() {
    return pos < end ? in[pos] : -1;
  }

  private byte next() throws JsonParseException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return in[pos++];
  }

  private void expect(char c) throws JsonParseException {
    if (next() != c) {
      throw error(pos - 1, "expected '" + c + "'");
    }
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private static String printable(int b) {
    return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("0x%02x", b & 0xff);
  }

  private JsonParseException error(String message) {
    return error(pos, message);
  }

  private JsonParseException error(int at, String message) {
    return new JsonParseException(message, at);
  }
}
