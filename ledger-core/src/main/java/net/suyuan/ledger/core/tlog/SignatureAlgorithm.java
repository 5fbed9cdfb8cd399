package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;

/**
 * The signed-note signature types this ledger uses (c2sp.org/signed-note "Signature types"), each
 * with the type identifier bytes that go into key IDs and verifier keys.
 *
 * <p>{@link #SM2} has no byte assigned by the spec, so it uses the reserved type {@code 0xff}
 * followed, as the spec recommends, by a longer identifier unlikely to collide: the ASCII string
 * {@value #SM2_IDENTIFIER}. Its type identifier is therefore the 28 bytes {@code 0xff ||
 * "suyuan.net/ledger/sm2-sm3@v1"}; they enter the key ID and the vkey exactly where a one-byte type
 * would. Its public key is the 65-byte uncompressed SM2 point ({@code 0x04 || X || Y}, GB/T
 * 32918.1), its signature is the 64-byte {@code r || s} (each 32 bytes big-endian) of the SM2
 * signature (GB/T 32918.2, SM3, the default user ID {@code 1234567812345678}) over the note text.
 */
public enum SignatureAlgorithm {
  /** 0x01: Ed25519 over the note text (c2sp.org/signed-note "Ed25519 signatures"). */
  ED25519(new byte[] {0x01}, 32, 64),
  /** 0x04: timestamped Ed25519 checkpoint cosignature (c2sp.org/tlog-cosignature). */
  COSIGNATURE_V1(new byte[] {0x04}, 32, 8 + 64),
  /** 0xff + {@value #SM2_IDENTIFIER}: SM2 with SM3 over the note text (see class comment). */
  SM2(sm2Type(), 65, 64);

  /** The identifier following 0xff for SM2 signatures. */
  public static final String SM2_IDENTIFIER = "suyuan.net/ledger/sm2-sm3@v1";

  private final byte[] type;
  private final int publicKeyLength;
  private final int signatureLength;

  SignatureAlgorithm(byte[] type, int publicKeyLength, int signatureLength) {
    this.type = type;
    this.publicKeyLength = publicKeyLength;
    this.signatureLength = signatureLength;
  }

  private static byte[] sm2Type() {
    byte[] id = SM2_IDENTIFIER.getBytes(US_ASCII);
    byte[] out = new byte[1 + id.length];
    out[0] = (byte) 0xff;
    System.arraycopy(id, 0, out, 1, id.length);
    return out;
  }

  /** The type identifier: one byte, or 0xff and the identifier for {@link #SM2}. */
  public byte[] type() {
    return type.clone();
  }

  public int publicKeyLength() {
    return publicKeyLength;
  }

  /** Length of the signature after the 4-byte key ID. */
  public int signatureLength() {
    return signatureLength;
  }

  /** The algorithm whose type identifier starts {@code typeAndKey} with a key of the right size. */
  static SignatureAlgorithm fromTypeAndKey(byte[] typeAndKey) throws LogFormatException {
    for (SignatureAlgorithm alg : values()) {
      if (typeAndKey.length == alg.type.length + alg.publicKeyLength
          && Arrays.equals(typeAndKey, 0, alg.type.length, alg.type, 0, alg.type.length)) {
        return alg;
      }
    }
    if (typeAndKey.length > 0) {
      throw new LogFormatException(
          String.format("unsupported signature type 0x%02x or wrong key length", typeAndKey[0]));
    }
    throw new LogFormatException("empty key");
  }
}
