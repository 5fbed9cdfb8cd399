package net.suyuan.ledger.api.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives a {@link LedgerApiTest} class an application context of its own, hence a fresh database of
 * its own ({@link FreshDatabaseContextLoader}), closed after the class. For classes that rewrite,
 * tamper with or delete a ledger ({@link LedgerFixture}): classes with the same configuration
 * otherwise share one context and one database, and would see each other's ledger replaced.
 *
 * <p>The context customizer carries the test class, so it is part of Spring's context cache key: no
 * other class can be handed this context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(OwnDatabase.PerClass.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface OwnDatabase {

  /** Makes the test class part of the context's identity. */
  final class PerClass implements ContextCustomizerFactory {
    @Override
    public ContextCustomizer createContextCustomizer(
        Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
      return new ForClass(testClass);
    }
  }

  /** Changes nothing in the context; its equality (by test class) is what matters. */
  record ForClass(Class<?> testClass) implements ContextCustomizer {
    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {}
  }
}
