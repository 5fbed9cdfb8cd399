package net.suyuan.ledger.core.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the golden vector files written by src/test/resources/vectors/generate.py. */
public final class GoldenVectors {
  private GoldenVectors() {}

  public static List<Path> files(String folder, String suffix) {
    try {
      Path dir = Path.of(GoldenVectors.class.getResource("/vectors/" + folder).toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
