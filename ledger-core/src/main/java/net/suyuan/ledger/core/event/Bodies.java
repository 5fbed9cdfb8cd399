package net.suyuan.ledger.core.event;

import java.util.List;
import java.util.function.Function;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/** Small helpers for writing bodies. */
final class Bodies {
  private Bodies() {}

  static JsonString string(String value) {
    return new JsonString(value);
  }

  static <T> JsonArray array(List<T> items, Function<T, ? extends JsonValue> write) {
    return new JsonArray(items.stream().map(write).map(JsonValue.class::cast).toList());
  }
}
