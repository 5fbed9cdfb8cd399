package net.suyuan.ledger.api.provenance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.DigitalLinkException;
import net.suyuan.ledger.core.id.LotId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GS1 Digital Link resolver on the api itself ({@code /01/{gtin}/10/{lot}[/21/{serial}]}) and
 * the provenance JSON API. One identifier, three answers chosen by {@code linkType} or {@code
 * Accept}: the consumer page (gs1:pip, the default), the traceability JSON (gs1:traceability), or
 * the RFC 9264 linkset naming both. A malformed identifier is a 400 saying what is wrong (as HTML
 * or problem+json, following Accept); an unknown lot is a 404, never a 200 error page.
 */
@RestController
class ResolverController {
  static final MediaType LINKSET = MediaType.parseMediaType("application/linkset+json");
  private static final String GS1 = "https://gs1.org/voc/";
  private static final String VARY = "Accept, Accept-Language";

  private final ProvenanceService provenance;
  private final JsonMapper json;

  ResolverController(ProvenanceService provenance, JsonMapper json) {
    this.provenance = provenance;
    this.json = json;
  }

  private enum Answer {
    PAGE,
    JSON,
    LINKSET
  }

  @GetMapping("/01/**")
  Mono<ResponseEntity<?>> resolve(
      ServerHttpRequest request, @RequestParam(required = false) String linkType) {
    Answer answer = answer(request, linkType);
    ConsumerPage.Lang lang = ConsumerPage.Lang.of(languages(request));
    DigitalLink id;
    try {
      id = DigitalLink.parse(request.getPath().value());
    } catch (DigitalLinkException e) {
      return Mono.just(error(answer, HttpStatus.BAD_REQUEST, e.field(), e.getMessage(), lang));
    }
    String uri = id.uri(provenance.base());
    return provenance
        .rendered(id.lot(), id.gtin())
        .map(
            found -> {
              if (found.isEmpty()) {
                return error(
                    answer,
                    HttpStatus.NOT_FOUND,
                    "lot",
                    "no lot " + id.lot().value() + " of product " + id.gtin().value(),
                    lang);
              }
              if (answer == Answer.LINKSET) {
                return ResponseEntity.ok()
                    .contentType(LINKSET)
                    .header(HttpHeaders.LINK, linkHeader(uri))
                    .header(HttpHeaders.VARY, VARY)
                    .body(linkset(uri, id));
              }
              ResponseEntity.BodyBuilder ok =
                  ResponseEntity.ok()
                      .header(HttpHeaders.LINK, linkHeader(uri))
                      .header(HttpHeaders.VARY, VARY);
              ProvenanceService.Rendered r = found.get();
              if (id.serial() != null) { // a unit's page names its serial: rendered per request
                Provenance unit = provenance.withSerial(r.provenance(), id.serial());
                return answer == Answer.JSON
                    ? ok.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(unit))
                    : ok.contentType(new MediaType(MediaType.TEXT_HTML, UTF_8))
                        .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                        .body(ConsumerPage.render(unit, lang).getBytes(UTF_8));
              }
              if (answer == Answer.JSON) {
                return ok.contentType(MediaType.APPLICATION_JSON)
                    .body(r.json(json::writeValueAsBytes));
              }
              return ok.contentType(new MediaType(MediaType.TEXT_HTML, UTF_8))
                  .header(HttpHeaders.CONTENT_LANGUAGE, lang.tag())
                  .body(r.page(lang));
            });
  }

  /** The traceability JSON for a lot by its id alone (lot ids are unique in a ledger). */
  @GetMapping("/api/v1/lots/{lotId}/provenance")
  Mono<ResponseEntity<byte[]>> lotProvenance(@PathVariable String lotId) {
    LotId lot = lotId(lotId);
    return provenance
        .rendered(lot, null)
        .map(
            found ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(
                        found
                            .orElseThrow(
                                () -> Problems.notFound("no lot " + lot.value() + " in the ledger"))
                            .json(json::writeValueAsBytes)));
  }

  /** A lot's summary with its label URI (for printing labels and for the QR endpoints). */
  @GetMapping("/api/v1/lots/{lotId}")
  Mono<Map<String, Object>> lot(@PathVariable String lotId) {
    LotId lot = lotId(lotId);
    return provenance
        .provenance(lot, null, null)
        .map(
            found -> {
              Provenance p =
                  found.orElseThrow(
                      () -> Problems.notFound("no lot " + lot.value() + " in the ledger"));
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("lotId", p.lot().lotId());
              body.put("gtin", p.lot().gtin());
              body.put("labelUri", p.id().uri());
              body.put("grade", p.lot().grade());
              body.put("quantity", p.lot().quantity());
              body.put("baseUnit", p.product().baseUnit());
              body.put("madeBy", p.lot().madeBy());
              body.put("createdSeq", p.lot().createdSeq());
              body.put("verified", p.verification().ok());
              String path = lotPath(lot);
              Map<String, String> links = new LinkedHashMap<>();
              links.put("provenance", path + "/provenance");
              links.put("events", path + "/events");
              links.put("qrPng", path + "/qr.png");
              links.put("qrSvg", path + "/qr.svg");
              body.put("links", links);
              return body;
            });
  }

  /** GS1-Conformant Resolver description file. */
  @GetMapping(value = "/.well-known/gs1resolver", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> description() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("name", "suyuan provenance ledger resolver");
    d.put("resolverRoot", provenance.base());
    d.put("supportedPrimaryKeys", List.of("01"));
    d.put("supportedLinkType", List.of(Map.of("namespace", GS1, "prefix", "gs1:")));
    d.put("linkTypeDefaultCanBeLinkset", false);
    d.put("supportedContextValuesEnumerated", List.of());
    return d;
  }

  static LotId lotId(String raw) {
    try {
      return LotId.of(raw);
    } catch (IllegalArgumentException e) {
      throw Problems.invalidField("lotId", e.getMessage());
    }
  }

  private static Answer answer(ServerHttpRequest request, String linkType) {
    if (linkType != null) {
      switch (linkType) {
        case "linkset":
        case "all":
          return Answer.LINKSET;
        case "gs1:traceability":
        case GS1 + "traceability":
          return Answer.JSON;
        default:
          return Answer.PAGE; // gs1:pip, gs1:defaultLink and anything else: the default link
      }
    }
    List<MediaType> accept;
    try {
      accept = new java.util.ArrayList<>(request.getHeaders().getAccept());
    } catch (IllegalArgumentException e) { // a malformed Accept: answer as to a browser
      return Answer.PAGE;
    }
    // Highest quality first; the sort is stable, so equal qualities keep the client's order.
    accept.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType m : accept) {
      if (m.isCompatibleWith(LINKSET) && !m.isWildcardSubtype()) {
        return Answer.LINKSET;
      }
      if (m.isCompatibleWith(MediaType.TEXT_HTML) && !m.isWildcardType()) {
        return Answer.PAGE;
      }
      if (m.isCompatibleWith(MediaType.APPLICATION_JSON) && !m.isWildcardType()) {
        return Answer.JSON;
      }
    }
    return Answer.PAGE;
  }

  /** The client's preferred languages; a malformed header counts as none (Chinese page). */
  private static List<java.util.Locale> languages(ServerHttpRequest request) {
    try {
      return request.getHeaders().getAcceptLanguageAsLocales();
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static String linkHeader(String uri) {
    return "<" + uri + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\"";
  }

  /** RFC 9264 linkset: the consumer page and the traceability JSON of this identifier. */
  private Map<String, Object> linkset(String uri, DigitalLink id) {
    String json = provenance.base() + lotPath(id.lot()) + "/provenance";
    Map<String, Object> pip = new LinkedHashMap<>();
    pip.put("href", uri + "?linkType=gs1:pip");
    pip.put("title", "产品溯源 / Product provenance");
    pip.put("type", "text/html");
    pip.put("hreflang", List.of("zh", "en"));
    Map<String, Object> trace = new LinkedHashMap<>();
    trace.put("href", json);
    trace.put("title", "Traceability (JSON)");
    trace.put("type", "application/json");
    Map<String, Object> set = new LinkedHashMap<>();
    set.put("anchor", uri);
    set.put(GS1 + "pip", List.of(pip));
    set.put(GS1 + "traceability", List.of(trace));
    set.put(GS1 + "defaultLink", List.of(pip));
    return Map.of("linkset", List.of(set));
  }

  private static ResponseEntity<?> error(
      Answer answer, HttpStatus status, String field, String detail, ConsumerPage.Lang lang) {
    if (answer == Answer.PAGE) {
      return ResponseEntity.status(status)
          .header(HttpHeaders.VARY, VARY)
          .contentType(new MediaType(MediaType.TEXT_HTML, UTF_8))
          .body(ConsumerPage.problem(status.value(), detail, lang));
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("field", field);
    return ResponseEntity.status(status)
        .header(HttpHeaders.VARY, VARY)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** {@code /api/v1/lots/{lotId}} with the lot id percent-encoded as a path segment. */
  static String lotPath(LotId lot) {
    return "/api/v1/lots/" + UriUtils.encodePathSegment(lot.value(), UTF_8);
  }
}
