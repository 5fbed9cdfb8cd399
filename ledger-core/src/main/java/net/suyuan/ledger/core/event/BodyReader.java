package net.suyuan.ledger.core.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonBool;
import net.suyuan.ledger.core.json.JsonNull;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Strict reading of one JSON object of an event body: every member must be read (unknown members
 * are rejected), types must match exactly, numbers must be safe integers. Errors name the path.
 */
final class BodyReader {
  private final JsonObject object;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private BodyReader(JsonObject object, String path) {
    this.object = object;
    this.path = path;
  }

  /** Reads a whole body; any problem becomes an {@link EventValidationException}. */
  static <T> T read(JsonObject body, Function<BodyReader, T> build)
      throws EventValidationException {
    if (body == null) {
      throw new EventValidationException("body", "is missing");
    }
    try {
      return new BodyReader(body, "").build(build);
    } catch (FieldException e) {
      throw new EventValidationException(List.of(e.resolvedUnder("").toError()));
    }
  }

  static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private <T> T build(Function<BodyReader, T> build) {
    T result;
    try {
      result = build.apply(this);
    } catch (FieldException e) {
      throw e.resolvedUnder(path);
    }
    for (String name : object.members().keySet()) {
      if (!read.contains(name)) {
        throw FieldException.at(join(path, name), "unknown member");
      }
    }
    return result;
  }

  private Optional<JsonValue> member(String name) {
    read.add(name);
    return object.get(name);
  }

  private JsonValue required(String name) {
    return member(name)
        .orElseThrow(() -> FieldException.at(join(path, name), "required member is missing"));
  }

  private FieldException wrongType(String name, String expected, JsonValue actual) {
    return FieldException.at(join(path, name), "must be " + expected + ", got " + describe(actual));
  }

  static String describe(JsonValue value) {
    return switch (value) {
      case JsonString s -> "a string";
      case JsonNumber n -> "the number " + n;
      case JsonBool b -> "a boolean";
      case JsonNull n -> "null";
      case JsonArray a -> "an array";
      case JsonObject o -> "an object";
    };
  }

  String string(String name) {
    return asString(name, required(name));
  }

  Optional<String> optString(String name) {
    return member(name).map(v -> asString(name, v));
  }

  private String asString(String name, JsonValue value) {
    if (value instanceof JsonString s) {
      return s.value();
    }
    throw wrongType(name, "a string", value);
  }

  /** A string converted by a self-validating constructor; its message is kept. */
  <T> T value(String name, Function<String, T> convert) {
    return convert(name, string(name), convert);
  }

  <T> Optional<T> optValue(String name, Function<String, T> convert) {
    return optString(name).map(s -> convert(name, s, convert));
  }

  /** A string that must name one of a fixed set, e.g. an enum wire name. */
  <T> T code(String name, Function<String, Optional<T>> lookup, String allowed) {
    String s = string(name);
    return lookup
        .apply(s)
        .orElseThrow(
            () -> FieldException.at(join(path, name), "'" + s + "' is not one of " + allowed));
  }

  private <T> T convert(String name, String s, Function<String, T> convert) {
    try {
      return convert.apply(s);
    } catch (FieldException e) {
      throw e.resolvedUnder(join(path, name));
    } catch (IllegalArgumentException e) {
      throw FieldException.at(join(path, name), e.getMessage());
    }
  }

  long integer(String name) {
    return asInteger(name, required(name));
  }

  OptionalLong optInteger(String name) {
    Optional<JsonValue> v = member(name);
    return v.isPresent() ? OptionalLong.of(asInteger(name, v.get())) : OptionalLong.empty();
  }

  private long asInteger(String name, JsonValue value) {
    if (value instanceof JsonNumber n && n.isSafeInteger()) {
      return n.longValueExact();
    }
    throw wrongType(name, "an integer within ±(2^53-1)", value);
  }

  /** An integer converted by a self-validating constructor (Quantity, Fen); message kept. */
  <T> T integer(String name, Function<Long, T> convert) {
    long n = integer(name);
    try {
      return convert.apply(n);
    } catch (IllegalArgumentException e) {
      throw FieldException.at(join(path, name), e.getMessage());
    }
  }

  <T> Optional<T> optInteger(String name, Function<Long, T> convert) {
    return member(name).isPresent() ? Optional.of(integer(name, convert)) : Optional.empty();
  }

  int intInRange(String name, int min, int max) {
    long n = integer(name);
    if (n < min || n > max) {
      throw FieldException.at(join(path, name), "must be in " + min + ".." + max + ", got " + n);
    }
    return (int) n;
  }

  boolean bool(String name) {
    JsonValue value = required(name);
    if (value instanceof JsonBool b) {
      return b.value();
    }
    throw wrongType(name, "a boolean", value);
  }

  Instant occurredAt() {
    return value("occurredAt", Timestamps::parse);
  }

  <T> T object(String name, Function<BodyReader, T> build) {
    return asObject(name, required(name), join(path, name), build);
  }

  <T> Optional<T> optObject(String name, Function<BodyReader, T> build) {
    return member(name).map(v -> asObject(name, v, join(path, name), build));
  }

  private <T> T asObject(String name, JsonValue v, String at, Function<BodyReader, T> build) {
    if (v instanceof JsonObject o) {
      return new BodyReader(o, at).build(build);
    }
    throw FieldException.at(at, "must be an object, got " + describe(v));
  }

  /** An array of objects, each read with {@code build}; element paths are {@code name[i]}. */
  <T> List<T> array(String name, Function<BodyReader, T> build) {
    JsonValue value = required(name);
    if (!(value instanceof JsonArray array)) {
      throw wrongType(name, "an array", value);
    }
    List<JsonValue> values = array.values();
    List<T> result = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String at = join(path, name) + "[" + i + "]";
      result.add(asObject(name, values.get(i), at, build));
    }
    return result;
  }
}
