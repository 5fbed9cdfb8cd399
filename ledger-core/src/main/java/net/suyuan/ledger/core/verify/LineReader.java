package net.suyuan.ledger.core.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-terminated lines as bytes into one reused buffer, so memory stays constant however
 * long the export. A final line without a newline is still a line; a line longer than the limit is
 * an error rather than a reason to grow without bound.
 */
public final class LineReader {
  private final InputStream in;
  private final int maxLineLength;
  private final byte[] chunk = new byte[1 << 16];
  private int chunkPos;
  private int chunkEnd;
  private byte[] line = new byte[1024];
  private int lineLength;
  private long bytesRead;

  public LineReader(InputStream in, int maxLineLength) {
    this.in = in;
    this.maxLineLength = maxLineLength;
  }

  /**
   * Reads the next line (without its newline).
   *
   * @return false at end of input
   * @throws LineTooLongException if a line exceeds the limit
   */
  public boolean next() throws IOException {
    lineLength = 0;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkEnd) {
        int n = in.read(chunk);
        if (n < 0) {
          return any;
        }
        bytesRead += n;
        chunkPos = 0;
        chunkEnd = n;
      }
      any = true;
      int start = chunkPos;
      while (chunkPos < chunkEnd && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      append(start, chunkPos);
      if (chunkPos < chunkEnd) {
        chunkPos++; // the newline
        return true;
      }
    }
  }

  private void append(int from, int to) throws LineTooLongException {
    int n = to - from;
    if (lineLength + n > maxLineLength) {
      throw new LineTooLongException(maxLineLength);
    }
    if (lineLength + n > line.length) {
      line =
          Arrays.copyOf(line, Math.min(maxLineLength, Math.max(line.length * 2, lineLength + n)));
    }
    System.arraycopy(chunk, from, line, lineLength, n);
    lineLength += n;
  }

  /** The current line's bytes live in {@code buffer()[0, length())}; valid until the next call. */
  public byte[] buffer() {
    return line;
  }

  public int length() {
    return lineLength;
  }

  /** Bytes consumed from the stream so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** A line exceeded the reader's limit. */
  public static final class LineTooLongException extends IOException {
    public LineTooLongException(int limit) {
      super("line longer than " + limit + " bytes");
    }
  }
}
