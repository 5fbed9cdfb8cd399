package net.suyuan.ledger.core.chain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonParser;
import net.suyuan.ledger.core.json.JsonString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of docs/ledger-format.md, written by an independent implementation
 * (generate.py): entry JSON, its canonical bytes and its hash, for SHA-256 and SM3.
 */
class EntryVectorsTest {
  static List<Path> vectors() {
    return GoldenVectors.files("entries", ".json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vector_canonicalBytesAndHashMatch(Path file) throws Exception {
    JsonObject doc = (JsonObject) JsonParser.parse(Files.readAllBytes(file));
    HashAlg alg = HashAlg.fromId(string(doc, "alg")).orElseThrow();
    JsonObject json = (JsonObject) doc.get("entry").orElseThrow();
    byte[] expectedCanonical = string(doc, "canonical").getBytes(UTF_8);

    Entry entry =
        new Entry(
            ((JsonNumber) json.get("seq").orElseThrow()).longValueExact(),
            Timestamps.parse(string(json, "ts")),
            string(json, "actor"),
            string(json, "type"),
            (JsonObject) json.get("body").orElseThrow(),
            EntryHash.fromHex(string(json, "prev")));

    assertThat(json.canonicalBytes()).isEqualTo(expectedCanonical);
    assertThat(entry.canonicalBytes()).isEqualTo(expectedCanonical);
    assertThat(new EntryHasher(alg).hash(expectedCanonical).hex()).isEqualTo(string(doc, "hash"));
    assertThat(SealedEntry.seal(entry, alg).hash().hex()).isEqualTo(string(doc, "hash"));
  }

  private static String string(JsonObject o, String name) {
    return ((JsonString) o.get(name).orElseThrow()).value();
  }
}
