package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.LedgerApplication;
import net.suyuan.ledger.api.support.TestDatabase;
import net.suyuan.ledger.api.support.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A {@code ledger.*} value outside its bound (docs/configuration.md) stops the server at start-up,
 * and Boot's failure report names the property: a bound the records declare with an annotation, and
 * rules the records check in code.
 */
@Tag("integration")
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationTest {

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabases.fresh();
  }

  @ParameterizedTest
  @CsvSource({
    "ledger.append.queue-capacity, 0",
    "ledger.jdbc.pool-size, 3",
    "ledger.income.max-backoff, 100ms",
    "ledger.id, 'not an id'",
    "ledger.id, ' main'",
    "ledger.hash-alg, md5",
  })
  void invalidValue_failsStartUp_namingTheProperty(
      String property, String value, CapturedOutput output) {
    List<String> args = new ArrayList<>();
    for (Map.Entry<String, Object> p : db.springProperties().entrySet()) {
      args.add("--" + p.getKey() + "=" + p.getValue());
    }
    args.add("--server.port=0");
    args.add("--" + property + "=" + value);

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(LedgerApplication.class)
                    .run(args.toArray(String[]::new)))
        .isNotNull();

    String report = output.getAll();
    assertThat(report).contains("APPLICATION FAILED TO START");
    String failure = report.substring(report.lastIndexOf("APPLICATION FAILED TO START"));
    assertThat(failure).contains(property);
  }
}
