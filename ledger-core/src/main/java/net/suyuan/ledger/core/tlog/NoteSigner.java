package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.time.Clock;

/** Signs note texts with one {@link SignerKey} (c2sp.org/signed-note, tlog-cosignature). */
public final class NoteSigner {
  private final SignerKey key;
  private final VerifierKey verifierKey;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  NoteSigner(SignerKey key, VerifierKey verifierKey, Clock clock) {
    this.key = key;
    this.verifierKey = verifierKey;
    this.clock = clock;
  }

  public VerifierKey verifierKey() {
    return verifierKey;
  }

  /** The signature of {@code text} (a valid note text) as a note signature line's content. */
  public NoteSignature sign(String text) {
    SignedNote.checkText(text);
    byte[] message = text.getBytes(UTF_8);
    byte[] sig =
        switch (key.algorithm()) {
          case ED25519 -> NoteCrypto.ed25519Sign(key.privateKey(), message);
          case SM2 -> NoteCrypto.sm2Sign(key.privateKey(), message, random);
          case COSIGNATURE_V1 -> {
            long t = clock.instant().getEpochSecond();
            byte[] s =
                NoteCrypto.ed25519Sign(
                    key.privateKey(), Cosignature.message(t, text).getBytes(UTF_8));
            byte[] out = new byte[8 + s.length];
            for (int i = 0; i < 8; i++) {
              out[i] = (byte) (t >>> (56 - 8 * i));
            }
            System.arraycopy(s, 0, out, 8, s.length);
            yield out;
          }
        };
    return new NoteSignature(verifierKey.name(), verifierKey.keyId(), sig);
  }
}
