package net.suyuan.ledger.api.http;

import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns a Jackson 3 read failure (found in a decoding error's causes) into a field problem. */
final class JsonErrors {

  private JsonErrors() {}

  static Optional<JacksonException> find(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof JacksonException j) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }

  static Problems.FieldProblem describe(JacksonException e) {
    String field = path(e.getPath());
    if (e instanceof UnrecognizedPropertyException u) {
      return new Problems.FieldProblem(
          field.isEmpty() ? u.getPropertyName() : field, "unknown property");
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      return new Problems.FieldProblem(orBody(field), v.getCause().getMessage());
    }
    if (e instanceof InvalidFormatException f) {
      return new Problems.FieldProblem(
          orBody(field), "cannot read value " + quote(f.getValue()) + " as " + typeName(f));
    }
    if (e instanceof MismatchedInputException m && !(e instanceof StreamReadException)) {
      return new Problems.FieldProblem(orBody(field), "wrong type, expected " + typeName(m));
    }
    return new Problems.FieldProblem(orBody(field), "malformed JSON: " + e.getOriginalMessage());
  }

  private static String typeName(MismatchedInputException m) {
    Class<?> type = m.getTargetType();
    if (type == null) {
      return "another type";
    }
    if (type.isEnum() || type.getPackageName().startsWith("net.suyuan")) {
      return type.isEnum() ? "one of the allowed values" : "an object";
    }
    return type.getSimpleName();
  }

  private static String quote(Object value) {
    return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
  }

  private static String path(List<JacksonException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : refs) {
      if (ref.getPropertyName() != null) {
        out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String orBody(String field) {
    return field.isEmpty() ? "body" : field;
  }
}
