package net.suyuan.ledger.api.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/** Reads API responses with core's strict parser, so tests compare exact JSON values. */
final class ReadFixtures {

  private ReadFixtures() {}

  static JsonObject object(byte[] body) {
    try {
      return (JsonObject) JsonParser.parse(body);
    } catch (JsonParseException e) {
      throw new AssertionError(
          "response is not I-JSON: " + new String(body, StandardCharsets.UTF_8), e);
    }
  }

  static List<JsonObject> entries(byte[] page) {
    JsonArray array = (JsonArray) object(page).get("entries").orElseThrow();
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add((JsonObject) array.get(i));
    }
    return out;
  }

  static String string(JsonObject o, String member) {
    return ((JsonString) o.get(member).orElseThrow()).value();
  }

  /** The entry object without the two members the API adds, in canonical form. */
  static byte[] entryCanonical(JsonObject served) {
    JsonObject.Builder b = JsonObject.builder();
    for (Map.Entry<String, JsonValue> m : served.members().entrySet()) {
      if (!m.getKey().equals("hash") && !m.getKey().equals("canonical")) {
        b.put(m.getKey(), m.getValue());
      }
    }
    return Jcs.canonicalize(b.build());
  }
}
