package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * docs/configuration.md and the code cannot drift: the {@code ledger.*} table lists exactly the
 * properties the {@code @ConfigurationProperties} records bind, each with the record's default and
 * an environment variable Spring binds to it; and no code reads a {@code ledger.*} property any
 * other way ({@code @Value("${ledger...}")}, {@code getProperty("ledger...")}).
 */
class ConfigurationTableTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path TABLE = ROOT.resolve("docs/configuration.md");
  private static final String BASE_PACKAGE = "net.suyuan.ledger.api";
  private static final Pattern ROW =
      Pattern.compile("^\\| `(ledger\\.[a-z0-9.-]+)` \\| `?([A-Z0-9_]*)`? \\| `?([^|`]*)`? \\|");

  /** A bound property: its record and the record's own name for it. */
  record Bound(Class<?> record, String prefix, String component) {}

  /** A row of the table. */
  record Row(String env, String defaultValue) {}

  @Test
  void tableListsExactlyTheBoundProperties() {
    assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(bound().keySet());
  }

  /** Spring binds the env column's variable to the property (what the env column promises). */
  @Test
  void envColumn_bindsTheProperty() {
    table()
        .forEach(
            (property, row) -> {
              SystemEnvironmentPropertySource env =
                  new SystemEnvironmentPropertySource(
                      StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                      Map.of(row.env(), "from-env"));
              Binder binder = new Binder(ConfigurationPropertySources.from(env));
              assertThat(binder.bind(property, String.class).orElse(null))
                  .as("%s bound from env %s", property, row.env())
                  .isEqualTo("from-env");
            });
  }

  /** Bound from the table's defaults, every record equals the record bound from nothing. */
  @Test
  void defaultColumn_isTheRecordsDefault() {
    Map<String, Row> table = table();
    Map<Class<?>, Map<String, String>> defaultsByRecord = new LinkedHashMap<>();
    bound()
        .forEach(
            (property, b) -> {
              Map<String, String> defaults =
                  defaultsByRecord.computeIfAbsent(b.record(), r -> new TreeMap<>());
              Row row = table.get(property);
              if (row != null) {
                defaults.put(property, row.defaultValue());
              }
            });
    defaultsByRecord.forEach(
        (type, defaults) -> {
          String prefix = prefix(type);
          Object fromNothing = bind(type, prefix, Map.of());
          Object fromTable = bind(type, prefix, defaults);
          assertThat(fromTable)
              .as("%s bound from the table's defaults %s", type, defaults)
              .isEqualTo(fromNothing);
        });
  }

  @Test
  void noCodeReadsALedgerPropertyOutsideTheRecords() throws IOException {
    Pattern other = Pattern.compile("\\$\\{ledger\\.|getProperty\\(\\s*\"ledger\\.");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .forEach(
              p -> {
                try {
                  List<String> lines = Files.readAllLines(p);
                  for (int i = 0; i < lines.size(); i++) {
                    if (other.matcher(lines.get(i)).find()) {
                      found.add(p + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    assertThat(found).isEmpty();
  }

  /**
   * One source of the ledger id: only AppendConfiguration reads LedgerProperties (to build the
   * LedgerInfo bean); every other component takes the id from LedgerInfo.
   */
  @Test
  void ledgerProperties_areReadOnlyWhereLedgerInfoIsBuilt() throws IOException {
    List<String> readers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        String name = p.getFileName().toString();
        if (!name.equals("LedgerProperties.java")
            && Files.readString(p).contains("LedgerProperties")) {
          readers.add(name);
        }
      }
    }
    assertThat(readers).containsExactly("AppendConfiguration.java");
  }

  private static Object bind(Class<?> type, String prefix, Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate(prefix, Bindable.of(type));
  }

  /** Property name → where it is bound, from every record under {@value #BASE_PACKAGE}. */
  static Map<String, Bound> bound() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    Map<String, Bound> bound = new TreeMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
      Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
      assertThat(type.isRecord()).as("%s is a record", type).isTrue();
      String prefix = prefix(type);
      for (RecordComponent c : type.getRecordComponents()) {
        String property = prefix + "." + kebab(c.getName());
        assertThat(bound.put(property, new Bound(type, prefix, c.getName())))
            .as("%s bound twice", property)
            .isNull();
      }
    }
    assertThat(bound).as("records found").isNotEmpty();
    return bound;
  }

  private static String prefix(Class<?> type) {
    ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
    return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The rows of the table under "## `ledger.*` properties". */
  static Map<String, Row> table() {
    List<String> lines;
    try {
      lines = Files.readAllLines(TABLE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Row> rows = new TreeMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals("## `ledger.*` properties");
        continue;
      }
      if (!inSection || !line.startsWith("| `ledger.")) {
        continue;
      }
      Matcher m = ROW.matcher(line);
      assertThat(m.find()).as("table row %s", line).isTrue();
      assertThat(rows.put(m.group(1), new Row(m.group(2), m.group(3).trim())))
          .as("%s listed twice", m.group(1))
          .isNull();
    }
    assertThat(rows).as("rows of the ledger.* table in %s", TABLE).isNotEmpty();
    return rows;
  }
}
