package net.suyuan.ledger.core.json;

/**
 * An immutable JSON value in the I-JSON subset (RFC 7493) that RFC 8785 canonicalization requires:
 * no duplicate member names, no lone surrogates, numbers that are finite IEEE 754 doubles.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

  /** The RFC 8785 canonical UTF-8 bytes of this value. */
  default byte[] canonicalBytes() {
    return Jcs.canonicalize(this);
  }
}
