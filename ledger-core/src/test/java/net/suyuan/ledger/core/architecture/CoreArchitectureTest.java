package net.suyuan.ledger.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * ledger-core is a plain library (docs/architecture.md): no framework, no database driver, no QR
 * code, and nothing of the modules built on it.
 */
@AnalyzeClasses(
    packages = "net.suyuan.ledger.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule coreStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("net.suyuan.ledger.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "reactor..",
              "io.r2dbc..",
              "java.sql..",
              "javax.sql..",
              "com.google.zxing..",
              "net.suyuan.ledger.api..",
              "net.suyuan.ledger.qr..",
              "net.suyuan.ledger.bench..");
}
