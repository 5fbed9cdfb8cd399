package net.suyuan.ledger.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.suyuan.ledger.core.chain.Entry;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.hash.EntryHasher;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.json.CanonicalScanner;
import net.suyuan.ledger.core.verify.ChainVerificationException;
import net.suyuan.ledger.core.verify.ChainVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Entries per second for: the raw hash of the entry bytes (the baseline), canonicalize + hash (the
 * write path), and full verification (the audit path), over the same {@value #N} entries, in one
 * run. Every score is entries/s ({@code @OperationsPerInvocation}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HashingBenchmark {
  static final int N = 10_000;

  @Param({"sha-256", "sm3"})
  String alg;

  private List<SealedEntry> sealed;
  private Entry[] entries;
  private byte[][] lines;
  private HashAlg hashAlg;
  private HashAlg.Digest rawDigest;
  private EntryHasher hasher;
  private final byte[] out = new byte[32];

  @Setup(Level.Trial)
  public void setUp() {
    hashAlg = HashAlg.fromId(alg).orElseThrow();
    sealed = SampleEntries.chain(N, hashAlg, 7);
    entries = sealed.stream().map(SealedEntry::entry).toArray(Entry[]::new);
    lines = sealed.stream().map(SealedEntry::canonical).toArray(byte[][]::new);
    rawDigest = hashAlg.newDigest();
    hasher = new EntryHasher(hashAlg);
  }

  /** Baseline: the bare hash function over each entry's canonical bytes. */
  @Benchmark
  @OperationsPerInvocation(N)
  public void rawHash(Blackhole bh) {
    for (byte[] line : lines) {
      rawDigest.update(line, 0, line.length);
      rawDigest.digest(out);
      bh.consume(out);
    }
  }

  /** Write path: entry → RFC 8785 bytes → H(0x00 || bytes). */
  @Benchmark
  @OperationsPerInvocation(N)
  public void canonicalizeAndHash(Blackhole bh) {
    for (Entry e : entries) {
      byte[] canonical = e.canonicalBytes();
      hasher.hashInto(canonical, 0, canonical.length, out);
      bh.consume(out);
    }
  }

  /** Audit path: canonical check, v1 shape, seq, link and hash of every entry of the chain. */
  @Benchmark
  @OperationsPerInvocation(N)
  public long verify() throws ChainVerificationException {
    ChainVerifier verifier = ChainVerifier.fromGenesis();
    for (byte[] line : lines) {
      verifier.verify(line, 0, line.length, null);
    }
    return verifier.verified();
  }

  /** Diagnostic: the one-pass RFC 8785 check alone, without hashing or entry checks. */
  @Benchmark
  @OperationsPerInvocation(N)
  public int canonicalScanOnly() {
    int canonical = 0;
    for (byte[] line : lines) {
      if (CanonicalScanner.isCanonical(line, 0, line.length)) {
        canonical++;
      }
    }
    return canonical;
  }
}
