package net.suyuan.ledger.api.provenance;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.suyuan.ledger.api.ledger.LedgerChanges;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.SerialId;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Provenance of a lot, verified, with a short-lived cache: a result is reused only while this
 * instance has appended nothing since it was built ({@link LedgerChanges}) and for at most {@code
 * ledger.resolver.cache-ttl} (default 5 s; {@code 0s} turns the cache off), which bounds how long
 * an append by another instance, or tampering in the database, can go unseen on a page. Label scans
 * are bursty reads of the same few lots; the cache turns a burst into one query.
 */
@Service
public class ProvenanceService {
  private final ProvenanceStore store;
  private final LedgerChanges changes;
  private final String base;
  private final long ttlNanos;
  private final int maxEntries;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** A lot's provenance, loaded or being loaded (a cached Mono), and when and at what version. */
  private record Cached(Mono<Optional<Rendered>> value, long version, long builtAt) {}

  /**
   * A lot's provenance with its renderings, made on first use and kept with it in the cache: a
   * cache hit costs a lookup and a write, not a serialization.
   */
  public static final class Rendered {
    private final Provenance provenance;
    private volatile byte[] json;
    private final java.util.Map<ConsumerPage.Lang, byte[]> pages =
        new java.util.concurrent.ConcurrentHashMap<>();

    Rendered(Provenance provenance) {
      this.provenance = provenance;
    }

    public Provenance provenance() {
      return provenance;
    }

    byte[] json(java.util.function.Function<Provenance, byte[]> writer) {
      byte[] bytes = json;
      if (bytes == null) {
        bytes = json = writer.apply(provenance);
      }
      return bytes;
    }

    byte[] page(ConsumerPage.Lang lang) {
      return pages.computeIfAbsent(
          lang,
          l ->
              ConsumerPage.render(provenance, l).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  ProvenanceService(ProvenanceStore store, LedgerChanges changes, ResolverProperties properties) {
    String base = properties.base();
    this.store = store;
    this.changes = changes;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.ttlNanos = properties.cacheTtl().toNanos();
    this.maxEntries = properties.cacheSize();
  }

  /** The resolver's base URL (no trailing slash): label URIs are {@code base + /01/...}. */
  public String base() {
    return base;
  }

  /** The label URI of a lot (or of one unit of it). */
  public String labelUri(Gtin gtin, LotId lot, SerialId serial) {
    return new DigitalLink(gtin, lot, serial).uri(base);
  }

  /**
   * The provenance of {@code lot}; empty when there is no such lot, or when {@code gtin} is given
   * and the lot holds another product. {@code serial}, when given, is carried in the identifier.
   */
  public Mono<Optional<Provenance>> provenance(LotId lot, Gtin gtin, SerialId serial) {
    return rendered(lot, gtin)
        .map(
            found ->
                found.map(
                    r -> serial == null ? r.provenance() : withSerial(r.provenance(), serial)));
  }

  /** As {@link #provenance} for a whole lot, with the cached renderings. */
  Mono<Optional<Rendered>> rendered(LotId lot, Gtin gtin) {
    return lotProvenance(lot)
        .map(
            found ->
                found.filter(r -> gtin == null || r.provenance().id().gtin().equals(gtin.value())));
  }

  private Mono<Optional<Rendered>> lotProvenance(LotId lot) {
    long version = changes.version();
    long now = System.nanoTime();
    Mono<Optional<Rendered>> load =
        store
            .load(lot)
            // Verification hashes every shown entry and its neighbours: off the event loop.
            .publishOn(Schedulers.parallel())
            .map(rows -> ProvenanceBuilder.build(lot, null, base, rows).map(Rendered::new));
    if (ttlNanos <= 0) {
      return load;
    }
    // Single flight: concurrent scans of a lot whose entry expired share one load instead of
    // each running the lineage query (a burst at expiry would otherwise queue them all).
    Cached fresh = new Cached(load.cache(), version, now);
    Cached current =
        cache.compute(
            lot.value(),
            (key, hit) ->
                hit != null && hit.version() == version && now - hit.builtAt() < ttlNanos
                    ? hit
                    : fresh);
    if (current == fresh && cache.size() > maxEntries) {
      cache.clear(); // crude but bounded; a burst rebuilds what it needs
    }
    return current.value().doOnError(e -> cache.remove(lot.value(), current));
  }

  Provenance withSerial(Provenance p, SerialId serial) {
    Gtin gtin = Gtin.of(p.id().gtin());
    LotId lot = LotId.of(p.id().lot());
    return new Provenance(
        new Provenance.Identifier(
            labelUri(gtin, lot, serial), gtin.value(), lot.value(), serial.value()),
        p.product(),
        p.lot(),
        p.verification(),
        p.inspections(),
        p.origin(),
        p.lineage(),
        p.timeline());
  }
}
