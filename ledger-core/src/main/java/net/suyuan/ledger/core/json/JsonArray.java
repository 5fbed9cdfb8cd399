package net.suyuan.ledger.core.json;

import java.util.List;

/** A JSON array; immutable. */
public record JsonArray(List<JsonValue> values) implements JsonValue {
  public JsonArray {
    values = List.copyOf(values);
  }

  public static JsonArray of(JsonValue... values) {
    return new JsonArray(List.of(values));
  }

  public int size() {
    return values.size();
  }

  public JsonValue get(int index) {
    return values.get(index);
  }

  @Override
  public String toString() {
    return new String(Jcs.canonicalize(this), java.nio.charset.StandardCharsets.UTF_8);
  }
}
