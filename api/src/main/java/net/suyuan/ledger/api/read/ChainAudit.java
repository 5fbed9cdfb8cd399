package net.suyuan.ledger.api.read;

import java.util.List;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.core.hash.EntryHash;
import net.suyuan.ledger.core.verify.AuditReport;
import net.suyuan.ledger.core.verify.ChainVerificationException;
import net.suyuan.ledger.core.verify.ChainVerifier;
import net.suyuan.ledger.core.verify.Failure;
import net.suyuan.ledger.core.verify.FailureKind;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Audits the stored chain: every entry's canonical bytes go through core's {@link ChainVerifier}
 * (canonical form, v1 shape, seq, link to the previous hash, recomputed hash = stored hash), then
 * the verified head is compared with the {@code ledger} row's head, so entries removed from the end
 * are caught too.
 *
 * <p>Constant memory: keyset pages of {@code ledger.audit.page-size} entries (default 5000), at
 * most two pages in flight. The hashing runs on a small dedicated scheduler, not on the event loop
 * that decodes rows and serves requests, so an audit of a large table leaves the API responsive.
 * All pages and the ledger row are read in one REPEATABLE READ, read-only transaction: a consistent
 * snapshot, so appends racing with the audit can neither look like a broken head nor hide one.
 */
@Service
class ChainAudit implements DisposableBean {

  private final EntryStore store;
  private final TransactionalOperator snapshot;
  private final Scheduler hashing;
  private final int pageSize;

  ChainAudit(
      EntryStore store,
      ReactiveTransactionManager transactions,
      @Value("${ledger.audit.page-size:5000}") int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("ledger.audit.page-size must be >= 1: " + pageSize);
    }
    DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
    definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    definition.setReadOnly(true);
    this.store = store;
    this.snapshot = TransactionalOperator.create(transactions, definition);
    this.pageSize = pageSize;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    this.hashing = Schedulers.newParallel("ledger-audit", threads);
  }

  /** The audit report; a 404 problem if the configured ledger does not exist. */
  Mono<AuditReport> audit() {
    Mono<AuditReport> audit =
        store
            .ledger()
            .switchIfEmpty(
                Mono.error(
                    () -> Problems.notFound("ledger " + store.ledgerId() + " does not exist")))
            .flatMap(
                ledger -> {
                  Run run = new Run(ledger);
                  return store
                      .pagesAfter(-1, pageSize)
                      .publishOn(hashing, 2)
                      .takeWhile(run::verify)
                      .then(Mono.fromCallable(run::report));
                });
    return snapshot.transactional(audit);
  }

  @Override
  public void destroy() {
    hashing.dispose();
  }

  /** One audit's state; pages arrive one at a time, in order (publishOn serializes them). */
  private static final class Run {
    private final LedgerRow ledger;
    private final ChainVerifier verifier = ChainVerifier.fromGenesis();
    private Failure failure;

    Run(LedgerRow ledger) {
      this.ledger = ledger;
    }

    /** Verifies a page; false (stop reading) at the first failure. */
    boolean verify(List<StoredEntry> page) {
      try {
        for (StoredEntry e : page) {
          byte[] canonical = e.canonical();
          verifier.verify(canonical, 0, canonical.length, new EntryHash(e.hash()));
        }
        return true;
      } catch (ChainVerificationException ex) {
        failure = ex.failure();
        return false;
      }
    }

    AuditReport report() {
      if (failure == null) {
        failure = headFailure();
      }
      return AuditReport.of(verifier, failure);
    }

    /** The chain verified entry by entry; does it end where the ledger row says, as it says? */
    private Failure headFailure() {
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
