package net.suyuan.ledger.qr;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The independent checks: zbar's {@code zbarimg} decodes, librsvg's {@code rsvg-convert} (or
 * ImageMagick) rasterizes SVG. A missing tool fails the test with the package to install; these
 * checks are never skipped. {@code .ci/run} installs both.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** Every text zbarimg finds in {@code image}; empty when it finds none (its exit code 4). */
  public static List<String> zbarimg(Path image) throws IOException, InterruptedException {
    Path zbar =
        onPath("zbarimg")
            .orElseGet(
                () ->
                    fail(
                        "zbarimg is not on the PATH: install zbar-tools"
                            + " (DEBIAN_FRONTEND=noninteractive apt-get install -y zbar-tools);"
                            + " the independent decoder check cannot be skipped"));
    Result r = run(zbar.toString(), "--nodbus", "--raw", "-q", image.toString());
    if (r.exit == 4) {
      return List.of();
    }
    if (r.exit != 0) {
      fail("zbarimg exited " + r.exit + " on " + image + ": " + r.stderr);
    }
    List<String> texts = new ArrayList<>();
    for (String line : r.stdout.split("\n")) {
      if (!line.isEmpty()) {
        texts.add(line);
      }
    }
    return texts;
  }

  /** Rasterizes {@code svg} to a PNG beside it with rsvg-convert, else ImageMagick. */
  public static Path rasterize(Path svg) throws IOException, InterruptedException {
    Path png = svg.resolveSibling(svg.getFileName() + ".png");
    Optional<Path> rsvg = onPath("rsvg-convert");
    Result r;
    if (rsvg.isPresent()) {
      r = run(rsvg.get().toString(), "-b", "white", "-o", png.toString(), svg.toString());
    } else {
      Path convert =
          onPath("convert")
              .orElseGet(
                  () ->
                      fail(
                          "neither rsvg-convert nor convert is on the PATH: install librsvg2-bin"
                              + " (DEBIAN_FRONTEND=noninteractive apt-get install -y"
                              + " librsvg2-bin); SVG must be rasterized by an independent"
                              + " renderer"));
      r = run(convert.toString(), svg.toString(), png.toString());
    }
    if (r.exit != 0 || !Files.exists(png) || ImageIO.read(png.toFile()) == null) {
      fail(
          "could not rasterize "
              + svg
              + " (exit "
              + r.exit
              + "): "
              + r.stderr
              + "; install librsvg2-bin for rsvg-convert");
    }
    return png;
  }

  static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Path errFile = Files.createTempFile("tool", ".err");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectError(errFile.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish in 60 s");
      }
      return new Result(p.exitValue(), new String(out, UTF_8), Files.readString(errFile));
    } finally {
      Files.deleteIfExists(errFile);
    }
  }
}
