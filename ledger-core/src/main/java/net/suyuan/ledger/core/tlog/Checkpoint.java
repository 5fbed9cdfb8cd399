package net.suyuan.ledger.core.tlog;

import java.util.List;

/**
 * A checkpoint's note text (c2sp.org/tlog-checkpoint "Note text"): the origin line, the tree size
 * in decimal without leading zeroes, the base64 root hash, then optional non-empty extension lines,
 * each newline-terminated. For SM3 ledgers the root is an SM3 tree root.
 */
public record Checkpoint(String origin, long size, MerkleHash root, List<String> extensions) {
  public Checkpoint {
    checkLine(origin, "origin");
    if (size < 0) {
      throw new IllegalArgumentException("tree size must be >= 0, got " + size);
    }
    if (root == null) {
      throw new IllegalArgumentException("root is required");
    }
    extensions = List.copyOf(extensions);
    for (String e : extensions) {
      checkLine(e, "extension line");
    }
  }

  public Checkpoint(String origin, long size, MerkleHash root) {
    this(origin, size, root, List.of());
  }

  private static void checkLine(String line, String what) {
    if (line.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    SignedNote.checkText(line + "\n");
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " must be one line");
    }
  }

  /** The note text, final newline included. */
  public String body() {
    StringBuilder out =
        new StringBuilder(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(root.base64())
            .append('\n');
    for (String e : extensions) {
      out.append(e).append('\n');
    }
    return out.toString();
  }

  public static Checkpoint parse(String text) throws LogFormatException {
    if (!text.endsWith("\n")) {
      throw new LogFormatException("checkpoint text must end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new LogFormatException("a checkpoint has at least three lines");
    }
    long size = parseDecimal(lines[1], "tree size");
    MerkleHash root = MerkleHash.fromBase64(lines[2]);
    try {
      return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
    } catch (IllegalArgumentException e) {
      throw new LogFormatException("bad checkpoint: " + e.getMessage());
    }
  }

  /** ASCII decimal, no sign, no leading zeroes unless the value is 0, within a long. */
  static long parseDecimal(String s, String what) throws LogFormatException {
    if (s.isEmpty() || s.length() > 19 || (s.length() > 1 && s.charAt(0) == '0')) {
      throw new LogFormatException("bad " + what + ": " + s);
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        throw new LogFormatException("bad " + what + ": " + s);
      }
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new LogFormatException(what + " too large: " + s);
    }
  }
}
