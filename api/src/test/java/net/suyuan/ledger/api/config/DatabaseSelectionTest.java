package net.suyuan.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which database the server picks, decided before anything starts: a deployment profile without
 * {@code LEDGER_DB_URL} is refused (and no embedded PostgreSQL is started); with it, it is used.
 * The development default (no profile) is exercised on the packaged jar by {@code BootJarIT}.
 */
class DatabaseSelectionTest {
  private final DatabaseEnvironmentPostProcessor processor =
      new DatabaseEnvironmentPostProcessor(new DeferredLogs());

  @Test
  void deploymentProfile_withoutDbUrl_refusesToStart_andConfiguresNothing() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");

    assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(DatabaseNotConfiguredException.class)
        .hasMessageContaining("LEDGER_DB_URL is not set")
        .hasMessageContaining("[prod]");
    assertThat(env.getPropertySources().contains(DatabaseEnvironmentPostProcessor.SOURCE_NAME))
        .isFalse();
    assertThat(env.containsProperty("spring.r2dbc.url")).isFalse();
  }

  @Test
  void devBesideAnotherProfile_isStillADeployment() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("dev", "staging");

    assertThatThrownBy(() -> processor.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOfSatisfying(
            DatabaseNotConfiguredException.class,
            e -> assertThat(e.profiles()).containsExactly("staging"));
  }

  @Test
  void deploymentProfile_withDbUrl_usesThatDatabase() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty("LEDGER_DB_URL", "jdbc:postgresql://db.internal:5432/ledger");
    env.setProperty("LEDGER_DB_USER", "ledger");

    processor.postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("spring.r2dbc.url"))
        .isEqualTo("r2dbc:postgresql://db.internal:5432/ledger");
    assertThat(env.getProperty("spring.flyway.url"))
        .isEqualTo("jdbc:postgresql://db.internal:5432/ledger");
    assertThat(env.getProperty("spring.r2dbc.username")).isEqualTo("ledger");
  }

  @Test
  void refusal_isReportedAsAFailureAnalysis_withTheAction() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    DatabaseNotConfiguredException refused =
        catchThrowableOfType(
            DatabaseNotConfiguredException.class,
            () -> processor.postProcessEnvironment(env, new SpringApplication()));

    FailureAnalysis analysis = new DatabaseNotConfiguredFailureAnalyzer().analyze(refused);

    assertThat(analysis.getDescription()).contains("LEDGER_DB_URL is not set").contains("[prod]");
    assertThat(analysis.getAction()).contains("LEDGER_DB_URL=jdbc:postgresql://");
  }

  @Test
  void banner_namesTheAbsoluteDataDirectory_onItsOwnLine() {
    String banner = EmbeddedDatabasePolicy.banner(Path.of("data/../data/pg"));

    assertThat(banner.lines())
        .hasSizeGreaterThan(5)
        .contains("*   " + Path.of("data/pg").toAbsolutePath())
        .anyMatch(l -> l.contains("EMBEDDED PostgreSQL"));
  }
}
