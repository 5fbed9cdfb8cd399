package net.suyuan.ledger.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object; immutable, member names unique (I-JSON). Member order is kept as given but carries
 * no meaning: canonical form sorts members (RFC 8785 §3.2.3).
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
  public JsonObject {
    LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
    members.forEach(
        (name, value) -> {
          new JsonString(Objects.requireNonNull(name, "member name")); // rejects lone surrogates
          copy.put(name, Objects.requireNonNull(value, () -> "value of " + name));
        });
    members = Collections.unmodifiableMap(copy);
  }

  public static JsonObject empty() {
    return new JsonObject(Map.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<JsonValue> get(String name) {
    return Optional.ofNullable(members.get(name));
  }

  public boolean has(String name) {
    return members.containsKey(name);
  }

  public int size() {
    return members.size();
  }

  @Override
  public String toString() {
    return new String(Jcs.canonicalize(this), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Builds an object member by member; a repeated name is an error, as in I-JSON. */
  public static final class Builder {
    private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, JsonValue value) {
      if (members.putIfAbsent(name, Objects.requireNonNull(value, name)) != null) {
        throw new IllegalArgumentException("duplicate member name: " + name);
      }
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    public Builder put(String name, long value) {
      return put(name, JsonNumber.of(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, JsonBool.of(value));
    }

    /** Adds the member only when {@code value} is non-null. */
    public Builder putIfPresent(String name, JsonValue value) {
      return value == null ? this : put(name, value);
    }

    public JsonObject build() {
      return new JsonObject(members);
    }
  }
}
