package net.suyuan.ledger.api.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import net.suyuan.ledger.core.json.Jcs;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParseException;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Renders stored entries as API JSON without re-serializing them: the entry object is the stored
 * canonical bytes themselves, extended with {@code "hash"} (the stored hash, hex) and {@code
 * "canonical"} (the same bytes as a JSON string, so a client can re-hash exactly what was hashed:
 * {@code H(0x00 || utf8(canonical))}). A stored value that is not a JSON object (possible only by
 * tampering, which {@code GET /api/v1/audit} reports) is served as {@code {seq, hash,
 * canonicalBase64, unreadable}} rather than as broken JSON.
 */
final class EntryJson {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] ENTRIES = "{\"entries\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEXT = "],\"next\":".getBytes(StandardCharsets.US_ASCII);

  private EntryJson() {}

  /** {@code {"entries":[...],"next":seq|null}}. */
  static byte[] page(List<StoredEntry> entries, Long next) {
    return page(entries, next, null);
  }

  /**
   * A page with the lot's label URI (a Digital Link: percent-encoded ASCII) as {@code labelUri}.
   */
  static byte[] page(List<StoredEntry> entries, Long next, String labelUri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 * (entries.size() + 1));
    out.writeBytes(ENTRIES);
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      write(entries.get(i), out);
    }
    out.writeBytes(NEXT);
    out.writeBytes(ascii(next == null ? "null" : Long.toString(next)));
    if (labelUri != null) {
      out.writeBytes(
          ascii(",\"labelUri\":\"" + labelUri.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }
    out.write('}');
    return out.toByteArray();
  }

  static byte[] one(StoredEntry entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(entry.canonical().length * 2 + 128);
    write(entry, out);
    return out.toByteArray();
  }

  private static void write(StoredEntry entry, ByteArrayOutputStream out) {
    byte[] canonical = entry.canonical();
    String problem = unreadable(canonical);
    String hash = "\"" + HEX.formatHex(entry.hash()) + "\"";
    if (problem != null) {
      out.writeBytes(ascii("{\"seq\":" + entry.seq() + ",\"hash\":" + hash));
      out.writeBytes(ascii(",\"canonicalBase64\":\""));
      out.writeBytes(Base64.getEncoder().encode(canonical));
      out.writeBytes(ascii("\",\"unreadable\":"));
      out.writeBytes(Jcs.canonicalize(new JsonString(problem)));
      out.write('}');
      return;
    }
    // canonical is a non-empty JSON object: drop its closing brace and append two members.
    out.write(canonical, 0, canonical.length - 1);
    out.writeBytes(ascii(",\"hash\":" + hash + ",\"canonical\":"));
    out.writeBytes(Jcs.canonicalize(new JsonString(new String(canonical, StandardCharsets.UTF_8))));
    out.write('}');
  }

  /** Why the stored bytes cannot be served as an entry object, or null when they can. */
  private static String unreadable(byte[] canonical) {
    JsonValue parsed;
    try {
      parsed = JsonParser.parse(canonical);
    } catch (JsonParseException e) {
      return "stored bytes are not JSON: " + e.getMessage() + "; see GET /api/v1/audit";
    }
    if (!(parsed instanceof JsonObject object) || object.members().isEmpty()) {
      return "stored bytes are not a JSON entry object; see GET /api/v1/audit";
    }
    if (canonical[0] != '{' || canonical[canonical.length - 1] != '}') {
      return "stored bytes have whitespace around the object; see GET /api/v1/audit";
    }
    if (object.members().containsKey("hash") || object.members().containsKey("canonical")) {
      return "stored entry has a member named hash or canonical; see GET /api/v1/audit";
    }
    return null;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
