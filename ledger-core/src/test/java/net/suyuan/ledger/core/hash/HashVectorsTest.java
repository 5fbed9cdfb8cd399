package net.suyuan.ledger.core.hash;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashVectorsTest {
  private static String digest(HashAlg alg, byte[] data) {
    HashAlg.Digest d = alg.newDigest();
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.digest(out);
    return HexFormat.of().formatHex(out);
  }

  /** GB/T 32905-2016 Appendix A, example 1: SM3("abc"). */
  @Test
  void sm3_publishedVector_abc() {
    assertThat(digest(HashAlg.SM3, "abc".getBytes(US_ASCII)))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  /** GB/T 32905-2016 Appendix A, example 2: SM3 of "abcd" repeated 16 times (512 bits). */
  @Test
  void sm3_publishedVector_abcdX16() {
    assertThat(digest(HashAlg.SM3, "abcd".repeat(16).getBytes(US_ASCII)))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  /** FIPS 180-4 example: SHA-256("abc"). */
  @Test
  void sha256_publishedVector_abc() {
    assertThat(digest(HashAlg.SHA_256, "abc".getBytes(US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  /** Entry hash = H(0x00 || bytes): the RFC 9162 leaf hash of the empty string for SHA-256. */
  @Test
  void entryHash_prefixesLeafByte_rfc9162EmptyLeaf() {
    assertThat(new EntryHasher(HashAlg.SHA_256).hash(new byte[0]).hex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void entryHash_equalsDigestOfZeroThenBytes_forBothAlgorithms() {
    byte[] data = "{\"a\":1}".getBytes(US_ASCII);
    byte[] prefixed = new byte[data.length + 1];
    System.arraycopy(data, 0, prefixed, 1, data.length);
    for (HashAlg alg : HashAlg.values()) {
      assertThat(new EntryHasher(alg).hash(data).hex()).isEqualTo(digest(alg, prefixed));
    }
  }

  @Test
  void entryHashText_isLowercaseHexOnly() {
    assertThat(EntryHash.fromHex("ab".repeat(32)).hex()).isEqualTo("ab".repeat(32));
    assertThatThrownBy(() -> EntryHash.fromHex("AB".repeat(32))).hasMessageContaining("lowercase");
    assertThatThrownBy(() -> EntryHash.fromHex("ab")).hasMessageContaining("64 hex");
    assertThat(HashAlg.fromId("sm3")).contains(HashAlg.SM3);
    assertThat(HashAlg.fromId("SHA-256")).isEmpty();
  }
}
