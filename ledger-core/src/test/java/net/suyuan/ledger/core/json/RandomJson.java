package net.suyuan.ledger.core.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON trees and byte mutations, biased towards the tricky parts of canonical form. */
public final class RandomJson {
  private RandomJson() {}

  private static final String[] CHARS = {
    "a",
    "b",
    "Z",
    "0",
    "€",
    "ö",
    "生",
    "\uD83D\uDE00",
    "\uFB33",
    "\u0001",
    "\n",
    "\"",
    "\\",
    "/",
    " "
  };
  private static final double[] NUMBERS = {0, 1, -1, 4.5, 1e21, 1e-7, 0.1, 123456789012345.0, 1e30};

  public static JsonValue value(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 4 : 6);
    switch (kind) {
      case 0:
        return JsonString.of(string(r));
      case 1:
        return r.nextBoolean()
            ? JsonNumber.of(r.nextInt(2_000_001) - 1_000_000)
            : new JsonNumber(NUMBERS[r.nextInt(NUMBERS.length)]);
      case 2:
        return JsonBool.of(r.nextBoolean());
      case 3:
        return JsonNull.INSTANCE;
      case 4:
        List<JsonValue> values = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          values.add(value(r, depth + 1));
        }
        return new JsonArray(values);
      default:
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = r.nextInt(5); i > 0; i--) {
          members.put(string(r), value(r, depth + 1));
        }
        return new JsonObject(members);
    }
  }

  public static String string(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = r.nextInt(4); i > 0; i--) {
      s.append(CHARS[r.nextInt(CHARS.length)]);
    }
    return s.toString();
  }

  private static final String SPECIAL = "{}[],:\" \\0123456789-.eE+tfnu/";

  public static byte[] mutate(Random r, byte[] b) {
    if (b.length == 0) {
      return b;
    }
    byte[] m = b.clone();
    int at = r.nextInt(m.length);
    switch (r.nextInt(4)) {
      case 0:
        m[at] = (byte) r.nextInt(256);
        return m;
      case 1:
        m[at] = (byte) SPECIAL.charAt(r.nextInt(SPECIAL.length()));
        return m;
      case 2: // delete a byte
        byte[] shorter = new byte[m.length - 1];
        System.arraycopy(m, 0, shorter, 0, at);
        System.arraycopy(m, at + 1, shorter, at, m.length - at - 1);
        return shorter;
      default: // insert a byte
        byte[] longer = new byte[m.length + 1];
        System.arraycopy(m, 0, longer, 0, at);
        longer[at] = (byte) " \\\"0,".charAt(r.nextInt(5));
        System.arraycopy(m, at, longer, at + 1, m.length - at);
        return longer;
    }
  }
}
