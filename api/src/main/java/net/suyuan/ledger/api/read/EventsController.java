package net.suyuan.ledger.api.read;

import java.util.List;
import java.util.Optional;
import net.suyuan.ledger.api.http.Problems;
import net.suyuan.ledger.api.provenance.ProvenanceService;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Public reads of ledger entries (no key needed): pages of the chain, one entry by seq, and the
 * entries that mention a lot. Bodies are the stored canonical bytes plus hash (see {@link
 * EntryJson}); entries never carry personal data (docs/storage.md), so nothing is filtered.
 */
@RestController
class EventsController {

  private final EntryStore store;
  private final ProvenanceService provenance;

  EventsController(EntryStore store, ProvenanceService provenance) {
    this.store = store;
    this.provenance = provenance;
  }

  /** {@code {"entries":[...], "next": seq|null}}: pass {@code next} as {@code after} to go on. */
  @GetMapping("/api/v1/events")
  Mono<ResponseEntity<byte[]>> page(
      @RequestParam(required = false) String after, @RequestParam(required = false) String limit) {
    return Mono.defer(
        () -> {
          long from = ReadParams.after(after);
          int n = ReadParams.limit(limit);
          return store
              .page(from, n + 1)
              .map(entries -> json(EntryJson.page(cut(entries, n), next(entries, n))));
        });
  }

  @GetMapping("/api/v1/events/{seq}")
  Mono<ResponseEntity<byte[]>> one(@PathVariable String seq) {
    return Mono.defer(
        () -> {
          long n = ReadParams.seq(seq);
          return store
              .find(n)
              .switchIfEmpty(Mono.error(() -> Problems.notFound("no entry with seq " + n)))
              .map(entry -> json(EntryJson.one(entry)));
        });
  }

  /**
   * The entries mentioning a lot, in seq order, paged like {@code /events}. A lot no entry mentions
   * is an empty list, not a 404: lots exist only through entries, and an empty page is also what
   * paging past a lot's last entry returns. A lot the ledger holds carries its {@code labelUri}.
   */
  @GetMapping("/api/v1/lots/{lotId}/events")
  Mono<ResponseEntity<byte[]>> lot(
      @PathVariable String lotId,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String limit) {
    return Mono.defer(
        () -> {
          LotId lot = ReadParams.lotId(lotId);
          long from = ReadParams.after(after);
          int n = ReadParams.limit(limit);
          Mono<Optional<String>> label =
              store
                  .lotGtin(lot)
                  .map(gtin -> Optional.of(provenance.labelUri(Gtin.of(gtin), lot, null)))
                  .defaultIfEmpty(Optional.empty());
          return store
              .lotPage(lot, from, n + 1)
              .zipWith(label)
              .map(
                  t ->
                      json(
                          EntryJson.page(
                              cut(t.getT1(), n), next(t.getT1(), n), t.getT2().orElse(null))));
        });
  }

  /** The query asked for one more than {@code limit}: its presence says there is a next page. */
  private static Long next(List<StoredEntry> entries, int limit) {
    return entries.size() > limit ? entries.get(limit - 1).seq() : null;
  }

  private static List<StoredEntry> cut(List<StoredEntry> entries, int limit) {
    return entries.size() > limit ? entries.subList(0, limit) : entries;
  }

  private static ResponseEntity<byte[]> json(byte[] body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
