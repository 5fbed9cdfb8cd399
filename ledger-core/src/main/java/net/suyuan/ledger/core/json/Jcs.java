package net.suyuan.ledger.core.json;

import java.io.ByteArrayOutputStream;
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
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
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

  static void write(JsonValue value, ByteArrayOutputStream out) {
    // Java 17: no pattern matching for switch yet, so an instanceof chain over the sealed type.
    if (value instanceof JsonObject o) {
      writeObject(o, out);
    } else if (value instanceof JsonArray a) {
      out.write('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        write(a.get(i), out);
      }
      out.write(']');
    } else if (value instanceof JsonString s) {
      writeString(s.value(), out);
    } else if (value instanceof JsonNumber n) {
      writeAscii(Es6Numbers.toString(n.value()), out);
    } else if (value instanceof JsonBool b) {
      writeAscii(b.value() ? "true" : "false", out);
    } else {
      writeAscii("null", out);
    }
  }

  private static void writeObject(JsonObject object, ByteArrayOutputStream out) {
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

  static void writeString(String s, ByteArrayOutputStream out) {
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

  private static void writeUtf8(String s, int from, int to, ByteArrayOutputStream out) {
    if (from < to) {
      out.writeBytes(s.substring(from, to).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void writeAscii(String s, ByteArrayOutputStream out) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }
}
