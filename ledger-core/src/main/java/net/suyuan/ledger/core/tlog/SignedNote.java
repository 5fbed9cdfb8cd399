package net.suyuan.ledger.core.tlog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A signed note (c2sp.org/signed-note "Format"): a text ending in a newline, a blank line, and one
 * or more signature lines. Valid UTF-8 with no control character but newline; the text is separated
 * from the signatures by the last blank line. Signatures from keys the verifier does not know are
 * kept, so a note can be passed on with its cosignatures.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /** Go's sumdb/note limit; the spec asks verifiers to accept at least 16. */
  public static final int MAX_SIGNATURES = 100;

  /** Upper bound on a note's encoded size, the spec's suggested alternative limit. */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  private static final String DASH = "\u2014 ";

  public SignedNote {
    checkText(text);
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty() || signatures.size() > MAX_SIGNATURES) {
      throw new IllegalArgumentException("a note has 1 to 100 signatures");
    }
  }

  /** Signs {@code text} with each signer, in order. */
  public static SignedNote sign(String text, NoteSigner... signers) {
    List<NoteSignature> sigs = new ArrayList<>();
    for (NoteSigner s : signers) {
      sigs.add(s.sign(text));
    }
    return new SignedNote(text, sigs);
  }

  /** This note with {@code more} signatures appended (e.g. cosignatures). */
  public SignedNote withSignatures(Collection<NoteSignature> more) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.addAll(more);
    return new SignedNote(text, all);
  }

  /** A note text: non-empty, newline-terminated, UTF-8 encodable, no control character but LF. */
  static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must end with a newline");
    }
    checkCharacters(text);
  }

  private static void checkCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new IllegalArgumentException("notes must not contain control characters");
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("notes must be valid UTF-8");
      }
    }
  }

  public String encode() {
    StringBuilder out = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      out.append(s.line());
    }
    return out.toString();
  }

  public byte[] encodeUtf8() {
    return encode().getBytes(UTF_8);
  }

  public static SignedNote parse(byte[] note) throws LogFormatException {
    if (note.length > MAX_NOTE_BYTES) {
      throw new LogFormatException("note exceeds " + MAX_NOTE_BYTES + " bytes");
    }
    try {
      return parse(
          UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(note))
              .toString());
    } catch (CharacterCodingException e) {
      throw new LogFormatException("note is not valid UTF-8");
    }
  }

  public static SignedNote parse(String note) throws LogFormatException {
    if (note.length() > MAX_NOTE_BYTES) {
      throw new LogFormatException("note exceeds " + MAX_NOTE_BYTES + " bytes");
    }
    try {
      checkCharacters(note);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException(e.getMessage());
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new LogFormatException("note has no blank line before its signatures");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (!block.endsWith("\n")) {
      throw new LogFormatException("note must end with a newline");
    }
    String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new LogFormatException("note has more than " + MAX_SIGNATURES + " signatures");
    }
    List<NoteSignature> sigs = new ArrayList<>(lines.length);
    for (String line : lines) {
      sigs.add(parseLine(line));
    }
    try {
      return new SignedNote(text, sigs);
    } catch (IllegalArgumentException e) {
      throw new LogFormatException(e.getMessage());
    }
  }

  private static NoteSignature parseLine(String line) throws LogFormatException {
    if (!line.startsWith(DASH)) {
      throw new LogFormatException("signature line must start with an em dash and a space");
    }
    String rest = line.substring(DASH.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new LogFormatException("signature line has no signature");
    }
    String name = rest.substring(0, space);
    byte[] all = Base64Strict.decode(rest.substring(space + 1), "signature");
    if (all.length < 5) {
      throw new LogFormatException("signature too short");
    }
    int keyId =
        ((all[0] & 0xFF) << 24)
            | ((all[1] & 0xFF) << 16)
            | ((all[2] & 0xFF) << 8)
            | (all[3] & 0xFF);
    try {
      return new NoteSignature(name, keyId, Arrays.copyOfRange(all, 4, all.length));
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("bad signature line: " + e.getMessage());
    }
  }

  /**
   * Verifies the note against {@code known} keys (c2sp.org/signed-note "Signatures"): signatures
   * from unknown keys (name and key ID not both matching) are ignored; every signature from a known
   * key must verify, else the whole note is rejected; at least one must verify.
   *
   * @throws IllegalArgumentException if two known keys share a name and key ID
   */
  public VerifiedNote verify(Collection<VerifierKey> known) throws LogVerificationException {
    Map<String, VerifierKey> byId = new HashMap<>();
    for (VerifierKey k : known) {
      if (byId.put(k.toString(), k) != null) {
        throw new IllegalArgumentException("ambiguous key " + k);
      }
    }
    Map<VerifierKey, OptionalLong> verified = new LinkedHashMap<>();
    for (NoteSignature s : signatures) {
      VerifierKey k = byId.get(s.keyName() + "+" + KeyId.hex(s.keyId()));
      if (k == null) {
        continue;
      }
      long t = k.verify(text, s.signature());
      verified.putIfAbsent(k, t < 0 ? OptionalLong.empty() : OptionalLong.of(t));
    }
    if (verified.isEmpty()) {
      throw new LogVerificationException("note has no verifiable signatures");
    }
    List<VerifiedNote.Signer> signers = new ArrayList<>();
    verified.forEach((k, t) -> signers.add(new VerifiedNote.Signer(k, t)));
    return new VerifiedNote(this, signers);
  }
}
