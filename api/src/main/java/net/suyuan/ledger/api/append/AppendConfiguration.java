package net.suyuan.ledger.api.append;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import net.suyuan.ledger.api.health.CriticalWorkers;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.hash.HashAlg;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The write path: the ledger (created at start-up if missing), the validator and the group-commit
 * appender. Settings: {@code ledger.id} ({@code LEDGER_ID}, default main), {@code ledger.hash-alg}
 * ({@code LEDGER_HASH_ALG}: sha-256 or sm3, used only when the ledger is created), {@code
 * ledger.append.queue-capacity} (requests waiting, default 10000) and {@code
 * ledger.append.max-group-events} (events per commit group, default 2000) and {@code
 * ledger.append.ahead-min-events} (after a group of at least this many events the next one starts
 * at once and plans before the lock; default 100).
 */
@Configuration(proxyBeanMethods = false)
public class AppendConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Needs the schema: after Flyway's initializer (Spring Boot's bean name) has migrated. */
  @Bean
  @DependsOn("flywayInitializer")
  LedgerInfo ledgerInfo(
      DatabaseClient db,
      ReactiveTransactionManager txManager,
      Clock clock,
      @Value("${ledger.id:main}") String ledgerId,
      @Value("${ledger.hash-alg:sha-256}") String hashAlg) {
    HashAlg alg =
        HashAlg.fromId(hashAlg.trim().toLowerCase(java.util.Locale.ROOT))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "LEDGER_HASH_ALG must be sha-256 or sm3, got '" + hashAlg + "'"));
    return LedgerBootstrap.ensure(
        db, TransactionalOperator.create(txManager), ledgerId.trim(), alg, clock);
  }

  @Bean
  LedgerChanges ledgerChanges() {
    return new LedgerChanges();
  }

  @Bean
  GroupCommitAppender groupCommitAppender(
      DatabaseClient db,
      LedgerChanges changes,
      ReactiveTransactionManager txManager,
      LedgerInfo ledger,
      Clock clock,
      @Value("${ledger.append.queue-capacity:10000}") int queueCapacity,
      @Value("${ledger.append.max-group-events:2000}") int maxGroupEvents,
      @Value("${ledger.append.ahead-min-events:100}") int aheadMinEvents,
      MeterRegistry meters,
      CriticalWorkers workers) {
    GroupCommit commit =
        new GroupCommit(
            db,
            TransactionalOperator.create(txManager),
            ledger,
            new EventValidator(),
            clock,
            meters);
    return new GroupCommitAppender(
        commit,
        changes,
        queueCapacity,
        Math.max(maxGroupEvents, EventRequest.MAX_EVENTS),
        aheadMinEvents,
        workers.register("groupCommitWriter"));
  }
}
