package net.suyuan.ledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Tag;

/**
 * The unit/integration split (docs/testing.md) cannot be forgotten: a test class that starts the
 * api or opens a database must be tagged {@code integration} (directly or through {@code
 * LedgerApiTest}), so that it runs in failsafe and the surefire run stays pure.
 */
@AnalyzeClasses(
    packages = "net.suyuan.ledger.api",
    importOptions = ImportOption.OnlyIncludeTests.class)
class TestSplitTest {

  private static final String SUPPORT = "net.suyuan.ledger.api.support.";

  /** What a test touches when it needs a server or a database. */
  private static final Set<String> SERVER_OR_DATABASE =
      Set.of(
          SUPPORT + "TestDatabases",
          SUPPORT + "TestDatabase",
          SUPPORT + "LedgerApps",
          SUPPORT + "TestJdbc",
          SUPPORT + "TestServers",
          "org.springframework.boot.test.context.SpringBootTest",
          "java.sql.DriverManager");

  @ArchTest
  static final ArchRule serverAndDatabaseTestsAreTaggedIntegration =
      classes()
          .that()
          .haveSimpleNameEndingWith("Test")
          .and()
          .areTopLevelClasses()
          .and()
          .resideOutsideOfPackage("net.suyuan.ledger.api.support..")
          .should(
              new ArchCondition<JavaClass>(
                  "be tagged integration when they use a server or a database") {
                @Override
                public void check(JavaClass test, ConditionEvents events) {
                  boolean needs =
                      test.getDirectDependenciesFromSelf().stream()
                              .anyMatch(
                                  d -> SERVER_OR_DATABASE.contains(d.getTargetClass().getName()))
                          || test.isMetaAnnotatedWith(SUPPORT + "LedgerApiTest")
                          || test.isMetaAnnotatedWith(
                              "org.springframework.boot.test.context.SpringBootTest");
                  if (needs && !integration(test)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            test,
                            test.getName()
                                + " needs a server or a database but is not tagged integration"));
                  }
                }
              });

  private static boolean integration(JavaClass test) {
    return test.getAnnotations().stream()
            .anyMatch(
                a ->
                    a.getRawType().isEquivalentTo(Tag.class)
                        && "integration".equals(a.get("value").orElse(null)))
        || test.isMetaAnnotatedWith(SUPPORT + "LedgerApiTest");
  }
}
