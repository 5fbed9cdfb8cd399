package net.suyuan.ledger.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.suyuan.ledger.api.auth.OwnHouseholdsOnly;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The api's layering (docs/architecture.md): features talk to each other only through the shared
 * packages, shared packages know no feature, controllers sit where the web edge is, and no two
 * packages depend on each other in a circle. Also: no handler of a household's data forgets the
 * resource rule.
 */
@AnalyzeClasses(
    packages = "net.suyuan.ledger.api",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String API = "net.suyuan.ledger.api.";

  /** The features: each owns its endpoints, storage and rules. */
  private static final List<String> FEATURES =
      List.of("append", "read", "provenance", "income", "auth", "household", "demo");

  /** What every feature may use: ledger notions, the HTTP edge, configuration, health, work. */
  private static final List<String> SHARED = List.of("ledger", "http", "config", "health", "work");

  /** auth's types every feature may name: who calls, in which role, its own households only. */
  private static final Set<String> AUTH_TYPES =
      Set.of(API + "auth.Caller", API + "auth.Role", API + "auth.OwnHouseholdsOnly");

  /**
   * Dependencies between features that are the point, not an incidental helper: the demo loads its
   * data through auth's stores and the income projector, like an operator would; the event listing
   * links each lot to the label URI the resolver answers.
   */
  private static boolean allowedBetweenFeatures(JavaClass origin, JavaClass target) {
    return feature(origin).equals("demo")
            && (feature(target).equals("auth") || feature(target).equals("income"))
        || feature(origin).equals("read")
            && target.getName().equals(API + "provenance.ProvenanceService");
  }

  @ArchTest
  static final ArchRule featuresUseOtherFeaturesOnlyThroughSharedPackages =
      classes()
          .that()
          .resideInAnyPackage(FEATURES.stream().map(f -> API + f + "..").toArray(String[]::new))
          .should(
              new ArchCondition<JavaClass>(
                  "depend on other features only through shared packages") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                  for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String to = feature(target);
                    if (FEATURES.contains(to)
                        && !to.equals(feature(origin))
                        && !AUTH_TYPES.contains(target.getName())
                        && !allowedBetweenFeatures(origin, target)) {
                      events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                  }
                }
              });

  @ArchTest
  static final ArchRule sharedPackagesKnowNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage(SHARED.stream().map(s -> API + s + "..").toArray(String[]::new))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES.stream().map(f -> API + f + "..").toArray(String[]::new));

  @ArchTest
  static final ArchRule controllersOnlyAtTheWebEdgeOfAFeature =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .areAnnotatedWith(Controller.class)
          .should()
          .resideInAnyPackage(
              API + "ledger..",
              API + "config..",
              API + "health..",
              API + "work..",
              API + "http..",
              API + "income",
              API + "income.projection..");

  /** The projection is what web and replay read; it knows neither. */
  @ArchTest
  static final ArchRule incomeProjectionKnowsNotItsReaders =
      noClasses()
          .that()
          .resideInAPackage(API + "income.projection..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(API + "income.web..", API + "income.replay..");

  /**
   * Whose household a request may see depends on the household, so no route rule can decide it:
   * every handler of a path with {@code {householdId}} declares {@link OwnHouseholdsOnly}, whose
   * check reads the parameter named {@code householdId} (docs/api.md, "Who may call what").
   */
  @ArchTest
  static final ArchRule householdHandlersDeclareOwnHouseholdsOnly =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(RestController.class)
          .or()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(Controller.class)
          .should(
              new ArchCondition<JavaMethod>(
                  "carry @OwnHouseholdsOnly and a parameter householdId when mapped to a path"
                      + " with {householdId}") {
                private int handlers;

                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                  Method m = method.reflect();
                  List<String> paths = paths(m);
                  if (paths.stream().noneMatch(p -> p.contains("{householdId}"))) {
                    return;
                  }
                  handlers++;
                  boolean annotated =
                      AnnotatedElementUtils.hasAnnotation(m, OwnHouseholdsOnly.class);
                  boolean named =
                      Arrays.stream(m.getParameters())
                          .anyMatch(p -> p.isNamePresent() && p.getName().equals("householdId"));
                  if (!annotated || !named) {
                    events.add(
                        SimpleConditionEvent.violated(
                            method,
                            method.getFullName()
                                + " serves "
                                + paths
                                + (annotated ? "" : " without @OwnHouseholdsOnly")
                                + (named ? "" : " without a parameter named householdId")));
                  }
                }

                @Override
                public void finish(ConditionEvents events) {
                  if (handlers == 0) {
                    events.add(
                        SimpleConditionEvent.violated(
                            "",
                            "no handler of a {householdId} path found: the rule checks nothing"));
                  }
                }
              });

  /** The paths a handler method is mapped to: its class's prefixes times its own paths. */
  private static List<String> paths(Method m) {
    RequestMapping own = AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
    if (own == null) {
      return List.of();
    }
    RequestMapping type =
        AnnotatedElementUtils.findMergedAnnotation(m.getDeclaringClass(), RequestMapping.class);
    List<String> prefixes =
        type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
    List<String> suffixes = own.path().length == 0 ? List.of("") : List.of(own.path());
    return prefixes.stream().flatMap(p -> suffixes.stream().map(x -> p + x)).toList();
  }

  @ArchTest
  static final ArchRule noCyclesBetweenPackages =
      slices().matching("net.suyuan.ledger.api.(**)").should().beFreeOfCycles();

  /** The first package below {@code net.suyuan.ledger.api}, "" for the application class. */
  private static String feature(JavaClass c) {
    String pkg = c.getPackageName();
    if (!pkg.startsWith(API)) {
      return "";
    }
    String rest = pkg.substring(API.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
