package net.suyuan.ledger.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: members sorted by the UTF-16 code units of their names
 * (§3.2.3), strings escaped as ECMAScript's JSON.stringify does (§3.2.2.2), numbers in ECMAScript
 * Number-to-String form (§3.2.2.3), no whitespace, UTF-8 output (§3.2.4).
 */
public final class Jcs {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private Jcs() {}

  public static byte[] canonicalize(JsonValue value) {
    Out out = new Out();
    write(value, out);
    return out.toByteArray();
  }

  /**
   * Canonicalizes UTF-8 JSON text.
   *
   * @throws JsonParseException if the text is not I-JSON
   */
  public static byte[] canonicalize(byte[] json) throws JsonParseException {
    return canonicalize(JsonParser.parse(json));
  }

  /** True when {@code bytes} is exactly the canonical form of the JSON text it holds. */
  public static boolean isCanonical(byte[] bytes) {
    try {
      return Arrays.equals(canonicalize(bytes), bytes);
    } catch (JsonParseException e) {
      return false;
    }
  }

  static void write(JsonValue value, Out out) {
    switch (value) {
      case JsonObject o -> writeObject(o, out);
      case JsonArray a -> {
        out.write('[');
        for (int i = 0; i < a.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          write(a.get(i), out);
        }
        out.write(']');
      }
      case JsonString s -> writeString(s.value(), out);
      case JsonNumber n -> writeAscii(Es6Numbers.toString(n.value()), out);
      case JsonBool b -> writeAscii(b.value() ? "true" : "false", out);
      case JsonNull n -> writeAscii("null", out);
    }
  }

  private static void writeObject(JsonObject object, Out out) {
    Map<String, JsonValue> members = object.members();
    String[] names = members.keySet().toArray(new String[0]);
    Arrays.sort(names); // String order is UTF-16 code unit order, as §3.2.3 requires
    out.write('{');
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      writeString(names[i], out);
      out.write(':');
      write(members.get(names[i]), out);
    }
    out.write('}');
  }

  static void writeString(String s, Out out) {
    out.write('"');
    int runStart = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      writeUtf8(s, runStart, i, out);
      runStart = i + 1;
      out.write('\\');
      switch (c) {
        case '"' -> out.write('"');
        case '\\' -> out.write('\\');
        case '\b' -> out.write('b');
        case '\f' -> out.write('f');
        case '\n' -> out.write('n');
        case '\r' -> out.write('r');
        case '\t' -> out.write('t');
        default -> {
          out.write('u');
          out.write('0');
          out.write('0');
          out.write(HEX[c >> 4]);
          out.write(HEX[c & 0xf]);
        }
      }
    }
    writeUtf8(s, runStart, s.length(), out);
    out.write('"');
  }

  private static void writeUtf8(String s, int from, int to, Out out) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.write(c);
      } else if (c < 0x800) {
        out.write(0xc0 | (c >> 6));
        out.write(0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c)) { // pairs only: JsonString rejects lone surrogates
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.write(0xf0 | (cp >> 18));
        out.write(0x80 | ((cp >> 12) & 0x3f));
        out.write(0x80 | ((cp >> 6) & 0x3f));
        out.write(0x80 | (cp & 0x3f));
      } else {
        out.write(0xe0 | (c >> 12));
        out.write(0x80 | ((c >> 6) & 0x3f));
        out.write(0x80 | (c & 0x3f));
      }
    }
  }

  private static void writeAscii(String s, Out out) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }

  /** An unsynchronized growable byte buffer (ByteArrayOutputStream locks on every byte). */
  static final class Out {
    private byte[] buf = new byte[256];
    private int size;

    void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, size * 2);
      }
      buf[size++] = (byte) b;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
