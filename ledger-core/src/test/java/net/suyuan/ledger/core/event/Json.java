package net.suyuan.ledger.core.event;

import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonBool;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/** Test helpers for building bodies. */
final class Json {
  private Json() {}

  static JsonString str(String s) {
    return new JsonString(s);
  }

  /** A value of a different JSON type: a string becomes a number, everything else a string. */
  static JsonValue wrongTypeFor(JsonValue value) {
    if (value instanceof JsonString) {
      return JsonNumber.of(7);
    } else if (value instanceof JsonNumber) {
      return str("7");
    } else if (value instanceof JsonBool) {
      return str("true");
    } else if (value instanceof JsonArray) {
      return JsonObject.empty();
    }
    return JsonArray.of();
  }
}
