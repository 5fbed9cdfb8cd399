package net.suyuan.ledger.core.tlog;

import java.util.Arrays;

/**
 * One signature line of a signed note (c2sp.org/signed-note "Signatures"): {@code — <key name>
 * base64(32-bit key ID || signature)}. {@code signature} excludes the key ID.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  public NoteSignature {
    KeyId.checkName(keyName);
    if (signature.length == 0) {
      throw new IllegalArgumentException("empty signature");
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line, including the em dash prefix and the final newline. */
  public String line() {
    byte[] all = new byte[4 + signature.length];
    all[0] = (byte) (keyId >>> 24);
    all[1] = (byte) (keyId >>> 16);
    all[2] = (byte) (keyId >>> 8);
    all[3] = (byte) keyId;
    System.arraycopy(signature, 0, all, 4, signature.length);
    return "\u2014 " + keyName + " " + Base64Strict.encode(all) + "\n";
  }

  boolean isBy(VerifierKey key) {
    return keyName.equals(key.name()) && keyId == key.keyId();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && keyName.equals(s.keyName)
        && keyId == s.keyId
        && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * keyName.hashCode() + keyId) + Arrays.hashCode(signature);
  }
}
