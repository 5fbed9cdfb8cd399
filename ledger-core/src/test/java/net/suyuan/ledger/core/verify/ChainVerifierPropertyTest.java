package net.suyuan.ledger.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.chain.Entry;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.testing.SampleChains;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random valid chains verify, and every single-byte change, deleted line,
 * swapped pair or inserted line is caught at the seq where the chain stops being valid. A failure
 * message carries the seed; rerun with {@code -Dtest.seed=<seed>}.
 */
class ChainVerifierPropertyTest {
  private static final long SEED = Long.getLong("test.seed", System.nanoTime());
  private static final int CASES = 300;

  @Test
  void randomValidChains_verify_headIsLastEntry() {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<byte[]> lines = lines(chain(random));
      AuditReport report = run(lines, null);
      assertThat(report.ok()).as(context(c) + report.firstFailure()).isTrue();
      assertThat(report.verified()).as(context(c)).isEqualTo(lines.size());
    }
  }

  @Test
  void singleByteChange_isDetected_atItsSeqOrTheNextLink() {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<SealedEntry> chain = chain(random);
      List<byte[]> lines = lines(chain);
      int k = random.nextInt(lines.size());
      byte[] line = lines.get(k).clone();
      int at = random.nextInt(line.length);
      byte replacement;
      do {
        replacement = (byte) random.nextInt(256);
      } while (replacement == line[at] || replacement == '\n');
      line[at] = replacement;
      lines.set(k, line);

      // Without a trusted head, a change to the last line can only show in its own checks.
      Failure f = firstFailure(run(lines, last(chain)), c);
      String what = context(c) + " line " + k + " byte " + at + ": " + f;
      if (k == lines.size() - 1 && f.kind() == FailureKind.HASH_MISMATCH) {
        assertThat(f.seq()).as(what).isEqualTo(k); // caught only by the trusted head
      } else if (f.seq() == k) {
        assertThat(f.kind()).as(what).isNotEqualTo(FailureKind.HASH_MISMATCH);
      } else {
        assertThat(f.seq()).as(what).isEqualTo(k + 1);
        assertThat(f.kind()).as(what).isEqualTo(FailureKind.BROKEN_LINK);
      }
    }
  }

  @Test
  void deletedLine_isReportedAsSeqGapAtTheMissingSeq() {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<SealedEntry> chain = chain(random);
      List<byte[]> lines = lines(chain);
      int k = random.nextInt(lines.size());
      lines.remove(k);
      AuditReport report = run(lines, last(chain));
      Failure f = firstFailure(report, c);
      if (k == chain.size() - 1) { // truncation: only the trusted head reveals it
        assertThat(f.kind()).as(context(c) + f).isEqualTo(FailureKind.HASH_MISMATCH);
      } else {
        assertThat(f)
            .as(context(c))
            .extracting(Failure::seq, Failure::kind)
            .containsExactly((long) k, FailureKind.SEQ_GAP);
      }
    }
  }

  @Test
  void swappedPair_isReportedAtTheFirstOfThePair() {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<byte[]> lines = lines(chain(random, 2));
      int k = random.nextInt(lines.size() - 1);
      byte[] tmp = lines.get(k);
      lines.set(k, lines.get(k + 1));
      lines.set(k + 1, tmp);
      Failure f = firstFailure(run(lines, null), c);
      assertThat(f)
          .as(context(c))
          .extracting(Failure::seq, Failure::kind)
          .containsExactly((long) k, FailureKind.SEQ_GAP);
    }
  }

  @Test
  void insertedLine_isReportedWhereTheSeqRunBreaks() {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<SealedEntry> chain = chain(random);
      List<byte[]> lines = lines(chain);
      int k = random.nextInt(lines.size() + 1);
      int copied = random.nextInt(lines.size());
      lines.add(k, lines.get(copied).clone());
      // A copy of entry j placed at position k is first out of place at k, or at k + 1 if j == k.
      long expected = copied == k ? k + 1 : k;
      Failure f = firstFailure(run(lines, null), c);
      assertThat(f)
          .as(context(c))
          .extracting(Failure::seq, Failure::kind)
          .containsExactly(expected, FailureKind.SEQ_GAP);
    }
  }

  @Test
  void forgedEntryWithValidLink_isCaughtByTheNextEntry() {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<SealedEntry> chain = chain(random, 2);
      int k = 1 + random.nextInt(chain.size() - 1);
      // A forger who knows the format writes a new entry k that links correctly to k - 1 ...
      List<SealedEntry> forged = SampleChains.chain(SEED + c + 1, k + 1, alg(chain));
      List<byte[]> lines = lines(chain.subList(0, k));
      lines.add(rechain(chain.get(k - 1), forged.get(k), alg(chain)));
      lines.addAll(lines(chain.subList(k, chain.size()))); // ... but the original entry k follows.
      Failure f = firstFailure(run(lines, null), c);
      assertThat(f)
          .as(context(c))
          .extracting(Failure::seq, Failure::kind)
          .containsExactly((long) k + 1, FailureKind.SEQ_GAP);
    }
  }

  @Test
  void storedHashMismatch_isReportedAtThatSeq() throws Exception {
    Random random = new Random(SEED);
    for (int c = 0; c < CASES; c++) {
      List<SealedEntry> chain = chain(random);
      int k = random.nextInt(chain.size());
      ChainVerifier verifier = ChainVerifier.fromGenesis();
      Failure failure = null;
      for (SealedEntry e : chain) {
        byte[] b = e.canonical();
        var stored =
            e.seq() == k ? SampleChains.chain(SEED + c, 2, alg(chain)).get(1).hash() : e.hash();
        try {
          verifier.verify(b, 0, b.length, stored);
        } catch (ChainVerificationException ex) {
          failure = ex.failure();
          break;
        }
      }
      assertThat(failure).as(context(c)).isNotNull();
      assertThat(failure)
          .extracting(Failure::seq, Failure::kind)
          .containsExactly((long) k, FailureKind.HASH_MISMATCH);
    }
  }

  /** {@code template}'s content re-sealed as the entry after {@code previous}. */
  private static byte[] rechain(SealedEntry previous, SealedEntry template, HashAlg alg) {
    Entry e = template.entry();
    return SealedEntry.seal(
            new Entry(previous.seq() + 1, e.ts(), e.actor(), e.type(), e.body(), previous.hash()),
            alg)
        .canonical();
  }

  private static List<SealedEntry> chain(Random random) {
    return chain(random, 1);
  }

  private static List<SealedEntry> chain(Random random, int min) {
    HashAlg alg = random.nextBoolean() ? HashAlg.SHA_256 : HashAlg.SM3;
    return SampleChains.chain(random.nextLong(), min + random.nextInt(40), alg);
  }

  private static HashAlg alg(List<SealedEntry> chain) {
    String id = chain.get(0).entry().body().get("hashAlg").orElseThrow().toString();
    return HashAlg.fromId(id.substring(1, id.length() - 1)).orElseThrow();
  }

  private static Optional<ChainHead> last(List<SealedEntry> chain) {
    return Optional.of(chain.get(chain.size() - 1).head());
  }

  private static List<byte[]> lines(List<SealedEntry> chain) {
    List<byte[]> lines = new ArrayList<>();
    for (SealedEntry e : chain) {
      lines.add(e.canonical());
    }
    return lines;
  }

  /** The first failure; fails the test (with the seed) when there is none. */
  private static Failure firstFailure(AuditReport report, int c) {
    assertThat(report.firstFailure()).as(context(c) + "expected a failure").isPresent();
    return report.firstFailure().get();
  }

  private static AuditReport run(List<byte[]> lines, Optional<ChainHead> expectedHead) {
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    try {
      for (byte[] line : lines) {
        verifier.verify(line, 0, line.length, null);
      }
      if (expectedHead != null && expectedHead.isPresent()) {
        verifier.verifyHead(expectedHead.get());
      }
      return AuditReport.of(verifier, null);
    } catch (ChainVerificationException e) {
      return AuditReport.of(verifier, e.failure());
    }
  }

  private static String context(int c) {
    return "seed " + SEED + " (rerun with -Dtest.seed=" + SEED + "), case " + c + ": ";
  }
}
