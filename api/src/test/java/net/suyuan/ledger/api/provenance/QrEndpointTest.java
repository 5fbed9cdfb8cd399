package net.suyuan.ledger.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import net.suyuan.ledger.api.support.LedgerApiTest;
import net.suyuan.ledger.qr.QrDecoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The lot QR endpoints over real HTTP: every code served decodes to the lot's label URI with ZXing
 * and with zbarimg (SVG rendered by rsvg-convert first); bad options are 400s naming the option.
 */
@LedgerApiTest
@TestPropertySource(properties = "ledger.resolver.base=https://id.example.cn")
class QrEndpointTest {
  @Autowired WebTestClient http;
  @TempDir Path dir;
  LineageScenario s;

  @BeforeEach
  void lineage() {
    s = new LineageScenario(http).write();
  }

  private byte[] get(String uri, MediaType type) {
    return http.get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .contentTypeCompatibleWith(type)
        .expectBody(byte[].class)
        .returnResult()
        .getResponseBody();
  }

  private String label(String lot) {
    return "https://id.example.cn/01/" + s.gtin + "/10/" + s.lot(lot);
  }

  @Test
  void pngAndSvg_decodeToTheLabelUri_withZxingAndZbarimg() throws Exception {
    for (String size : List.of("256", "512")) {
      for (String ec : List.of("L", "Q", "H")) {
        byte[] png =
            get(
                "/api/v1/lots/" + s.lot("P1") + "/qr.png?size=" + size + "&ec=" + ec,
                MediaType.IMAGE_PNG);
        assertThat(new QrDecoder().decode(ImageIO.read(new ByteArrayInputStream(png))))
            .as("ZXing, size %s ec %s", size, ec)
            .containsExactly(label("P1"));
        Path file = dir.resolve("p" + size + ec + ".png");
        Files.write(file, png);
        assertThat(zbarimg(file))
            .as("zbarimg, size %s ec %s", size, ec)
            .containsExactly(label("P1"));
      }
    }
    byte[] svg =
        get(
            "/api/v1/lots/" + s.lot("GA") + "/qr.svg?caption=true",
            MediaType.parseMediaType("image/svg+xml"));
    assertThat(new String(svg, UTF_8)).startsWith("<").contains("<svg");
    Path svgFile = dir.resolve("ga.svg");
    Files.write(svgFile, svg);
    Path raster = dir.resolve("ga.png");
    run("rsvg-convert", "-w", "600", "-b", "white", "-o", raster.toString(), svgFile.toString());
    assertThat(zbarimg(raster)).containsExactly(label("GA"));
    assertThat(new QrDecoder().decode(raster)).containsExactly(label("GA"));
  }

  @Test
  void aSerial_encodesTheUnitUri() throws Exception {
    byte[] png = get("/api/v1/lots/" + s.lot("P1") + "/qr.png?serial=000123", MediaType.IMAGE_PNG);
    assertThat(new QrDecoder().decode(ImageIO.read(new ByteArrayInputStream(png))))
        .containsExactly(label("P1") + "/21/000123");
  }

  @Test
  void badOptionsAre400sNamingTheOption_unknownLotIs404() {
    for (String[] bad :
        new String[][] {
          {"size=abc", "size"},
          {"size=10", "size"},
          {"ec=X", "ec"},
          {"quietZone=99", "quietZone"},
          {"serial=a~b", "serial"}
        }) {
      http.get()
          .uri("/api/v1/lots/" + s.lot("P1") + "/qr.png?" + bad[0])
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.field")
          .isEqualTo(bad[1]);
    }
    http.get().uri("/api/v1/lots/NOPE-" + s.u + "/qr.png").exchange().expectStatus().isNotFound();
  }

  private static List<String> zbarimg(Path image) throws Exception {
    String out = run("zbarimg", "--nodbus", "--raw", "-q", image.toString());
    return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
  }

  /** Runs a tool that must be installed (.ci/run installs it): missing means failure, not skip. */
  private static String run(String... command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
    assertThat(p.exitValue()).as(command[0] + " exit code, output: " + out).isZero();
    return out;
  }
}
