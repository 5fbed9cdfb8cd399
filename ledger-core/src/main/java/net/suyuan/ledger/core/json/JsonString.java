package net.suyuan.ledger.core.json;

import java.util.Objects;

/** A JSON string; rejects lone surrogates, which I-JSON (RFC 7493 §2.1) forbids. */
public record JsonString(String value) implements JsonValue {
  public JsonString {
    Objects.requireNonNull(value, "value");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
          throw new IllegalArgumentException("lone surrogate at index " + i);
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw new IllegalArgumentException("lone surrogate at index " + i);
      }
    }
  }

  public static JsonString of(String value) {
    return new JsonString(value);
  }

  @Override
  public String toString() {
    return new String(Jcs.canonicalize(this), java.nio.charset.StandardCharsets.UTF_8);
  }
}
