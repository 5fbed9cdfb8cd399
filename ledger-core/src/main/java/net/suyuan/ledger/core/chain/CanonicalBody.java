package net.suyuan.ledger.core.chain;

import java.util.Objects;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;

/**
 * An entry body together with its RFC 8785 canonical bytes, computed once, here, so they always
 * agree. A writer that receives many events canonicalizes each body where it parses the event (in
 * parallel, off the commit path) and seals the entry later by splicing these bytes into the
 * envelope ({@link ChainWriter#append(String, String, CanonicalBody)}).
 */
public final class CanonicalBody {
  private final JsonObject body;
  private final byte[] bytes;

  private CanonicalBody(JsonObject body, byte[] bytes) {
    this.body = body;
    this.bytes = bytes;
  }

  public static CanonicalBody of(JsonObject body) {
    return new CanonicalBody(Objects.requireNonNull(body, "body"), Jcs.canonicalize(body));
  }

  public JsonObject body() {
    return body;
  }

  /** Length of the canonical bytes. */
  public int length() {
    return bytes.length;
  }

  /** The canonical bytes; package-private and never modified, so no copy. */
  byte[] bytes() {
    return bytes;
  }
}
