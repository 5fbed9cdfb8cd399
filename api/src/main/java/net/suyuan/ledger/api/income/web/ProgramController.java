package net.suyuan.ledger.api.income.web;

import java.util.List;
import java.util.Map;
import net.suyuan.ledger.api.auth.Caller;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.income.IncomeProperties;
import net.suyuan.ledger.api.income.projection.IncomeProjector;
import net.suyuan.ledger.api.income.projection.IncomeStore;
import net.suyuan.ledger.api.income.projection.IncomeStore.ProgramRow;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Program figures (docs/income.md, "API"). A program is the set of products whose {@code
 * product.registered} entry the organization {@code orgId} recorded. Summary, channel comparison
 * and product premium are public aggregates; the CSV of household summaries is household data, so
 * it follows the household rule (social organizations and auditors see every row, a cooperative
 * only its own households).
 */
@RestController
public class ProgramController {
  static final String AS_OF_HEADER = "Ledger-As-Of-Seq";

  /** households.csv: the {@code after} of the next page; absent on the last page. */
  public static final String NEXT_HEADER = "Ledger-Next-After";

  private final IncomeStore store;
  private final IncomeProjector projector;

  private final int csvPageHouseholds;
  private final int channelPriceProducts;

  ProgramController(IncomeStore store, IncomeProjector projector, IncomeProperties properties) {
    this.csvPageHouseholds = properties.csvPageHouseholds();
    this.channelPriceProducts = properties.channelPriceProducts();
    this.store = store;
    this.projector = projector;
  }

  /** Adds the {@code projection} member (see {@link ProjectionView}). */
  private Map<String, Object> withProjection(Map<String, Object> out, IncomeStore.AsOf asOf) {
    out.put("projection", ProjectionView.of(asOf, projector.status()));
    return out;
  }

  @GetMapping("/api/v1/programs/{orgId}/summary")
  Mono<Map<String, Object>> summary(
      @PathVariable String orgId, @RequestParam(required = false) String year) {
    return Mono.defer(
        () -> {
          String org = IncomeParams.orgId(orgId);
          int y = IncomeParams.year(year);
          return program(org, y)
              .map(
                  rows ->
                      withProjection(
                          ProgramViews.summary(
                              org,
                              products(rows),
                              ProgramYear.of(y, rows),
                              ProgramYear.of(y - 1, rows),
                              rows.get(0).asOfSeq()),
                          rows.get(0).asOf()));
        });
  }

  @GetMapping("/api/v1/programs/{orgId}/channels")
  Mono<Map<String, Object>> channels(
      @PathVariable String orgId, @RequestParam(required = false) String year) {
    return Mono.defer(
        () -> {
          String org = IncomeParams.orgId(orgId);
          int y = IncomeParams.year(year);
          return program(org, y)
              .zipWith(store.prices(org, null, y, channelPriceProducts))
              .map(
                  t ->
                      withProjection(
                          ProgramViews.channels(
                              org,
                              ProgramYear.of(y, t.getT1()),
                              t.getT2(),
                              t.getT1().get(0).asOfSeq()),
                          t.getT1().get(0).asOf()));
        });
  }

  @GetMapping("/api/v1/products/{gtin}/premium")
  Mono<Map<String, Object>> premium(
      @PathVariable String gtin, @RequestParam(required = false) String year) {
    return Mono.defer(
        () -> {
          String g = IncomeParams.gtin(gtin);
          int y = IncomeParams.year(year);
          return store
              .prices(null, g, y, 1)
              .map(IncomeStore.Prices::rows)
              .filter(rows -> !rows.isEmpty())
              .switchIfEmpty(
                  Mono.error(() -> Problems.notFound("product " + g + " is not registered")))
              .map(rows -> withProjection(ProgramViews.premium(g, y, rows), rows.get(0).asOf()));
        });
  }

  /**
   * One page of households (ids after {@code after}, at most {@code limit}, default and maximum
   * {@code ledger.income.csv-page-households}); header {@value #NEXT_HEADER} carries the last id of
   * the page when more follow.
   */
  @GetMapping("/api/v1/programs/{orgId}/households.csv")
  Mono<ResponseEntity<byte[]>> householdsCsv(
      @PathVariable String orgId,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String limit,
      @AuthenticationPrincipal Caller caller) {
    return Mono.defer(
        () -> {
          String org = IncomeParams.orgId(orgId);
          int y = IncomeParams.year(year);
          String from = IncomeParams.afterHousehold(after);
          int pageSize = IncomeParams.limit(limit, csvPageHouseholds);
          // A page of many households: narrowed in the query, by the rule OwnHouseholdsOnly
          // applies to one household (a cooperative's own only; social_org and auditor every one).
          String onlyCooperative = caller.householdsOf();
          return program(org, y)
              .then(
                  store.householdsCsv(
                      org,
                      y,
                      from,
                      pageSize + 1, // one more tells whether a next page exists
                      onlyCooperative == null ? "" : onlyCooperative))
              .zipWith(store.watermark())
              .map(
                  t -> {
                    List<IncomeStore.CsvRow> rows = t.getT1();
                    List<String> ids =
                        rows.stream()
                            .map(IncomeStore.CsvRow::householdId)
                            .distinct()
                            .sorted()
                            .toList();
                    String next = null;
                    if (ids.size() > pageSize) {
                      next = ids.get(pageSize - 1);
                      String last = next;
                      rows =
                          rows.stream().filter(r -> r.householdId().compareTo(last) <= 0).toList();
                    }
                    IncomeStore.AsOf asOf = asOf(rows, t.getT2());
                    ResponseEntity.BodyBuilder ok =
                        ResponseEntity.ok()
                            .headers(
                                h ->
                                    ProjectionView.headers(asOf, projector.status())
                                        .forEach(h::set))
                            .contentType(
                                new MediaType(
                                    "text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                            .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                "attachment; filename=\"households-" + org + "-" + y + ".csv\"")
                            .header(AS_OF_HEADER, Long.toString(asOf.seq()));
                    if (next != null) {
                      ok.header(NEXT_HEADER, next);
                    }
                    return ok.body(HouseholdsCsv.write(rows, onlyCooperative));
                  });
        });
  }

  private static IncomeStore.AsOf asOf(List<IncomeStore.CsvRow> rows, IncomeStore.AsOf watermark) {
    return rows.isEmpty() ? watermark : rows.get(0).asOf();
  }

  /** The program's rows; 404 if the organization registered no product. */
  private Mono<List<ProgramRow>> program(String orgId, int year) {
    return store
        .program(orgId, year)
        .filter(rows -> products(rows) > 0)
        .switchIfEmpty(
            Mono.error(
                () -> Problems.notFound("organization " + orgId + " has registered no product")));
  }

  private static long products(List<ProgramRow> rows) {
    return rows.stream().filter(r -> r.row().equals("w")).mapToLong(ProgramRow::households).sum();
  }
}
