package net.suyuan.ledger.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.Locale;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SerialId;
import net.suyuan.ledger.qr.ErrorCorrection;
import net.suyuan.ledger.qr.QrEncoder;
import net.suyuan.ledger.qr.QrOptions;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A lot's label code: {@code GET /api/v1/lots/{lotId}/qr.png} and {@code .svg}, encoding the lot's
 * Digital Link URI (or one unit's, with {@code serial}). Options as in the qr CLI: {@code size}
 * (pixels, default 512), {@code ec} (L, M, Q, H; default Q), {@code quietZone} (modules, default
 * 4), {@code caption} ({@code true} prints the URI under the code). Bad options are a 400 naming
 * the parameter; an unknown lot is a 404.
 */
@RestController
class QrController {
  private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
  private final ProvenanceService provenance;
  private final QrEncoder encoder = new QrEncoder();

  QrController(ProvenanceService provenance) {
    this.provenance = provenance;
  }

  @GetMapping("/api/v1/lots/{lotId}/qr.png")
  Mono<ResponseEntity<byte[]>> png(
      @PathVariable String lotId,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String ec,
      @RequestParam(required = false) String quietZone,
      @RequestParam(required = false) String caption,
      @RequestParam(required = false) String serial) {
    return code(lotId, size, ec, quietZone, caption, serial, false);
  }

  @GetMapping("/api/v1/lots/{lotId}/qr.svg")
  Mono<ResponseEntity<byte[]>> svg(
      @PathVariable String lotId,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String ec,
      @RequestParam(required = false) String quietZone,
      @RequestParam(required = false) String caption,
      @RequestParam(required = false) String serial) {
    return code(lotId, size, ec, quietZone, caption, serial, true);
  }

  private Mono<ResponseEntity<byte[]>> code(
      String lotId,
      String size,
      String ec,
      String quietZone,
      String caption,
      String serial,
      boolean svg) {
    LotId lot = ResolverController.lotId(lotId);
    SerialId unit = serial == null ? null : serialId(serial);
    QrOptions base = options(size, ec, quietZone);
    return provenance
        .rendered(lot, null)
        .publishOn(Schedulers.parallel())
        .map(
            found -> {
              Provenance p =
                  found
                      .orElseThrow(
                          () -> Problems.notFound("no lot " + lot.value() + " in the ledger"))
                      .provenance();
              String uri = provenance.labelUri(Gtin.of(p.lot().gtin()), lot, unit);
              QrOptions opts = "true".equals(caption) ? base.withCaption(uri) : base;
              try {
                byte[] body = svg ? encoder.svg(uri, opts).getBytes(UTF_8) : encoder.png(uri, opts);
                return ResponseEntity.ok()
                    .contentType(svg ? SVG : MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                    .header("X-Label-Uri", uri)
                    .body(body);
              } catch (IllegalArgumentException e) { // e.g. too small for this URI
                throw Problems.invalidField("size", e.getMessage());
              }
            });
  }

  private static QrOptions options(String size, String ec, String quietZone) {
    QrOptions opts = QrOptions.defaults();
    try {
      if (size != null) {
        opts = opts.withSize(Integer.parseInt(size));
      }
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField(
          "size",
          "must be a whole number of pixels from "
              + QrOptions.MIN_SIZE
              + " to "
              + QrOptions.MAX_SIZE
              + ", got "
              + size);
    }
    try {
      if (quietZone != null) {
        opts = opts.withQuietZone(Integer.parseInt(quietZone));
      }
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField(
          "quietZone",
          "must be a whole number of modules from "
              + QrOptions.MIN_QUIET_ZONE
              + " to "
              + QrOptions.MAX_QUIET_ZONE
              + ", got "
              + quietZone);
    }
    if (ec != null) {
      try {
        opts = opts.withErrorCorrection(ErrorCorrection.valueOf(ec.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Problems.invalidField("ec", "must be L, M, Q or H, got " + ec);
      }
    }
    return opts;
  }

  private static SerialId serialId(String raw) {
    try {
      return SerialId.of(raw);
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField("serial", e.getMessage());
    }
  }
}
