package net.suyuan.ledger.api.append;

import java.time.Clock;
import net.suyuan.ledger.api.health.CriticalWorkers;
import net.suyuan.ledger.api.ledger.LedgerChanges;
import net.suyuan.ledger.api.ledger.LedgerInfo;
import net.suyuan.ledger.api.ledger.LedgerProperties;
import net.suyuan.ledger.core.event.EventValidator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The write path: the ledger (created at start-up if missing), the validator and the group-commit
 * appender. Settings: {@link LedgerProperties} and {@link AppendProperties}
 * (docs/configuration.md).
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
      LedgerProperties properties) {
    return LedgerBootstrap.ensure(
        db, TransactionalOperator.create(txManager), properties.id(), properties.alg(), clock);
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
      AppendProperties properties,
      CriticalWorkers workers) {
    GroupCommit commit =
        new GroupCommit(
            db, TransactionalOperator.create(txManager), ledger, new EventValidator(), clock);
    return new GroupCommitAppender(
        commit,
        changes,
        properties.queueCapacity(),
        Math.max(properties.maxGroupEvents(), EventRequest.MAX_EVENTS),
        workers.register("groupCommitWriter"));
  }
}
