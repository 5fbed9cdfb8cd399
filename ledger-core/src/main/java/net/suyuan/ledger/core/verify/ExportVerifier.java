package net.suyuan.ledger.core.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;
import net.suyuan.ledger.core.chain.ChainHead;

/**
 * Verifies an NDJSON export (one canonical entry per line, in seq order) from a stream, in constant
 * memory, and reports the outcome. A line that cannot even be read (too long) is reported as an
 * unparseable entry at the seq its position requires.
 */
public final class ExportVerifier {
  /** The longest entry line accepted; the api refuses bodies far smaller than this. */
  public static final int MAX_LINE = 16 * 1024 * 1024;

  private ExportVerifier() {}

  /**
   * Verifies every line of {@code in}.
   *
   * @param expectedHead if present, the last entry must be this one (catches truncation)
   * @param progress called with the count of verified entries every {@code progressEvery} entries
   */
  public static AuditReport verify(
      InputStream in, Optional<ChainHead> expectedHead, long progressEvery, LongConsumer progress)
      throws IOException {
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    LineReader lines = new LineReader(in, MAX_LINE);
    try {
      while (true) {
        boolean more;
        try {
          more = lines.next();
        } catch (LineReader.LineTooLongException e) {
          throw new ChainVerificationException(
              new Failure(verifier.nextSeq(), FailureKind.UNPARSEABLE, e.getMessage()));
        }
        if (!more) {
          break;
        }
        verifier.verify(lines.buffer(), 0, lines.length(), null);
        if (progressEvery > 0 && verifier.verified() % progressEvery == 0) {
          progress.accept(verifier.verified());
        }
      }
      if (expectedHead.isPresent()) {
        verifier.verifyHead(expectedHead.get());
      }
      return AuditReport.of(verifier, null);
    } catch (ChainVerificationException e) {
      return AuditReport.of(verifier, e.failure());
    }
  }
}
