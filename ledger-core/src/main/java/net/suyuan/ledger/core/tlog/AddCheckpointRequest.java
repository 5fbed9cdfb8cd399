package net.suyuan.ledger.core.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a c2sp.org/tlog-witness {@code add-checkpoint} request: {@code old <size>}, at most
 * 63 base64 consistency proof hashes (from the old size to the checkpoint's), a blank line, then
 * the signed checkpoint. Each line ends in a newline.
 */
public record AddCheckpointRequest(long oldSize, List<MerkleHash> proof, SignedNote checkpoint) {
  public static final int MAX_PROOF_LINES = 63;

  public AddCheckpointRequest {
    if (oldSize < 0) {
      throw new IllegalArgumentException("old size must be >= 0, got " + oldSize);
    }
    proof = List.copyOf(proof);
    if (proof.size() > MAX_PROOF_LINES) {
      throw new IllegalArgumentException("at most 63 consistency proof lines");
    }
    if (checkpoint == null) {
      throw new IllegalArgumentException("checkpoint is required");
    }
  }

  public String encode() {
    StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
    for (MerkleHash h : proof) {
      out.append(h.base64()).append('\n');
    }
    return out.append('\n').append(checkpoint.encode()).toString();
  }

  public static AddCheckpointRequest parse(String body) throws LogFormatException {
    TextLines lines = new TextLines(body, "add-checkpoint body");
    String old = lines.next();
    if (!old.startsWith("old ")) {
      throw new LogFormatException("add-checkpoint body must start with an old size line");
    }
    long oldSize = Checkpoint.parseDecimal(old.substring("old ".length()), "old size");
    List<MerkleHash> proof = new ArrayList<>();
    for (String line = lines.next(); !line.isEmpty(); line = lines.next()) {
      if (proof.size() == MAX_PROOF_LINES) {
        throw new LogFormatException("more than 63 consistency proof lines");
      }
      proof.add(MerkleHash.fromBase64(line));
    }
    return new AddCheckpointRequest(oldSize, proof, SignedNote.parse(lines.rest()));
  }
}
