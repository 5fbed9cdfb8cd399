package net.suyuan.ledger.core.json;

/** The JSON literals {@code true} and {@code false}. */
public enum JsonBool implements JsonValue {
  FALSE,
  TRUE;

  public static JsonBool of(boolean value) {
    return value ? TRUE : FALSE;
  }

  public boolean value() {
    return this == TRUE;
  }

  @Override
  public String toString() {
    return value() ? "true" : "false";
  }
}
