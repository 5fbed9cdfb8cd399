package net.suyuan.ledger.api.read;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import net.suyuan.ledger.api.config.JdbcProperties;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.work.PermittedWork;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.verify.AuditReport;
import net.suyuan.ledger.core.verify.ChainVerificationException;
import net.suyuan.ledger.core.verify.ChainVerifier;
import net.suyuan.ledger.core.verify.Failure;
import net.suyuan.ledger.core.verify.FailureKind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Audits the stored chain: every entry's stored canonical bytes go through core's {@link
 * ChainVerifier} (canonical form, v1 shape, seq, link to the previous hash, recomputed hash = the
 * stored hash), then the verified head is compared with the {@code ledger} row's head, so entries
 * removed from the end are caught too.
 *
 * <p>The scan ({@link ChainScan}) streams through a cursor in constant memory and blocks, so it
 * runs on this class's own small thread pool, never on the event loop. At most {@link
 * JdbcProperties#maxAudits} audits run at once (half the cores, within the JDBC pool); another
 * request gets 503 with Retry-After rather than a queue of full-table scans. A client that
 * disconnects stops its audit at the next entry.
 */
@Service
class ChainAudit implements DisposableBean {

  private static final String RETRY_AFTER_SECONDS = "10";

  private final EntryStore store;
  private final ChainScan scan;
  private final Semaphore running;
  private final Scheduler threads;

  ChainAudit(EntryStore store, ChainScan scan, JdbcProperties jdbc) {
    int max = jdbc.maxAudits(Runtime.getRuntime().availableProcessors());
    this.store = store;
    this.scan = scan;
    this.running = new Semaphore(max);
    this.threads = Schedulers.newBoundedElastic(max, max, "ledger-audit");
  }

  /** The audit report; 404 if the configured ledger does not exist, 503 if audits are busy. */
  Mono<AuditReport> audit() {
    AtomicBoolean cancelled = new AtomicBoolean();
    return PermittedWork.run(running, threads, () -> run(cancelled), ChainAudit::busy)
        .doOnCancel(() -> cancelled.set(true));
  }

  /** Audits that could start now (tests: the permit is back before a report is emitted). */
  int permitsAvailable() {
    return running.availablePermits();
  }

  private AuditReport run(AtomicBoolean cancelled) throws Exception {
    Run run = new Run();
    LedgerRow ledger =
        scan.scan(
                store.ledgerId(),
                (canonical, hash) -> !cancelled.get() && run.verify(canonical, hash))
            .orElseThrow(() -> Problems.notFound("ledger " + store.ledgerId() + " does not exist"));
    return run.report(ledger);
  }

  private static ErrorResponseException busy() {
    ErrorResponseException e =
        Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "audits are already running; retry later");
    e.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return e;
  }

  @Override
  public void destroy() {
    threads.dispose();
  }

  /** One audit's state, confined to the thread that scans. */
  private static final class Run {
    private final ChainVerifier verifier = ChainVerifier.fromGenesis();
    private Failure failure;

    /** Verifies the next entry; false (stop scanning) at the first failure. */
    boolean verify(byte[] canonical, byte[] hash) {
      try {
        verifier.verify(canonical, 0, canonical.length, new EntryHash(hash));
        return true;
      } catch (ChainVerificationException e) {
        failure = e.failure();
        return false;
      }
    }

    AuditReport report(LedgerRow ledger) {
      if (failure == null) {
        failure = headFailure(ledger);
      }
      return AuditReport.of(verifier, failure);
    }

    /** The chain verified entry by entry; does it end where the ledger row says, as it says? */
    private Failure headFailure(LedgerRow ledger) {
      String alg = verifier.alg().map(a -> a.id()).orElse(null);
      if (alg != null && !alg.equals(ledger.hashAlg())) {
        return new Failure(
            0,
            FailureKind.INVALID_ENTRY,
            "genesis hashAlg " + alg + " differs from the ledger's " + ledger.hashAlg());
      }
      try {
        verifier.verifyHead(ledger.head());
        return null;
      } catch (ChainVerificationException e) {
        return e.failure();
      }
    }
  }
}
