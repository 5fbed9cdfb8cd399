package net.suyuan.ledger.api.provenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.suyuan.ledger.api.provenance.Provenance.Base;
import net.suyuan.ledger.api.provenance.Provenance.Delivery;
import net.suyuan.ledger.api.provenance.Provenance.Failure;
import net.suyuan.ledger.api.provenance.Provenance.Inspection;
import net.suyuan.ledger.api.provenance.Provenance.LotLink;
import net.suyuan.ledger.api.provenance.Provenance.Result;
import net.suyuan.ledger.api.provenance.Provenance.Step;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.event.GradeLimits;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductionRecorded;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.TimedEvent;
import net.suyuan.ledger.core.event.WageRecorded;
import net.suyuan.ledger.core.hash.HashAlg;
import net.suyuan.ledger.core.id.DigitalLink;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.json.JsonArray;
import net.suyuan.ledger.core.json.JsonBool;
import net.suyuan.ledger.core.json.JsonNull;
import net.suyuan.ledger.core.json.JsonNumber;
import net.suyuan.ledger.core.json.JsonObject;
import net.suyuan.ledger.core.json.JsonString;
import net.suyuan.ledger.core.json.JsonValue;

/**
 * Builds a {@link Provenance} from the rows {@link ProvenanceStore} returns: verifies every entry
 * ({@link EntryCheck}), reads the typed events, and reconstructs the lineage graph from the
 * transformation entries themselves (so what is shown is what the verified entries say). Pure: no
 * I/O, so it is tested without a server.
 */
final class ProvenanceBuilder {
  private static final HexFormat HEX = HexFormat.of();

  private ProvenanceBuilder() {}

  /**
   * Empty when the ledger holds no lot {@code lot} (or holds it for another product than {@code
   * gtin}, when given).
   *
   * @param base the resolver's base URL, for the label URI
   */
  static Optional<Provenance> build(LotId lot, Gtin gtin, String base, ProvenanceStore.Rows rows) {
    HashAlg alg = HashAlg.fromId(rows.hashAlg()).orElseThrow();
    Parsed p = new Parsed();
    List<Step> timeline = new ArrayList<>();
    List<Long> failed = new ArrayList<>();
    for (ProvenanceStore.Row row : rows.entries()) {
      EntryCheck.Verdict verdict = EntryCheck.check(row, rows, alg);
      if (!verdict.ok()) {
        failed.add(row.seq());
      }
      timeline.add(p.read(row, verdict));
    }
    String lotId = lot.value();
    Made made = p.made.get(lotId);
    if (made == null || (gtin != null && !made.gtin.equals(gtin.value()))) {
      return Optional.empty();
    }

    Map<String, LotLink> upstream = upstream(lotId, p);
    Map<String, LotLink> downstream = downstream(lotId, p);
    List<String> originLots = new ArrayList<>(upstream.keySet());
    originLots.add(lotId);

    List<Delivery> deliveries = new ArrayList<>();
    Map<String, Long> deliveredPerBase = new TreeMap<>();
    for (Map.Entry<Long, HarvestDelivered> d : p.deliveries.entrySet()) {
      HarvestDelivered e = d.getValue();
      if (originLots.contains(e.lotId().value())) {
        deliveries.add(
            new Delivery(
                d.getKey(),
                e.lotId().value(),
                e.householdId().value(),
                e.baseId().value(),
                e.quantity().value(),
                Timestamps.format(e.occurredAt())));
        deliveredPerBase.merge(e.baseId().value(), e.quantity().value(), Long::sum);
      }
    }
    List<Base> bases = new ArrayList<>();
    deliveredPerBase.forEach(
        (baseId, qty) -> {
          SiteRegistered site = p.sites.get(baseId);
          bases.add(
              site == null
                  ? new Base(baseId, null, null, null, qty)
                  : new Base(baseId, site.name(), site.village(), site.county(), qty));
        });

    List<Inspection> inspections = new ArrayList<>();
    for (Map.Entry<Long, InspectionRecorded> i : p.inspections.entrySet()) {
      if (originLots.contains(i.getValue().lotId().value())) {
        inspections.add(inspection(i.getKey(), i.getValue(), p));
      }
    }

    List<Provenance.Sale> sales = new ArrayList<>();
    for (Map.Entry<Long, SaleRecorded> s : p.sales.entrySet()) {
      String sold = s.getValue().lotId().value();
      if (sold.equals(lotId) || downstream.containsKey(sold)) {
        SaleRecorded e = s.getValue();
        sales.add(
            new Provenance.Sale(
                s.getKey(), e.saleId().value(), e.channel().wire(), sold, e.quantity().value()));
      }
    }

    ProductEntry product = p.products.get(made.gtin);
    return Optional.of(
        new Provenance(
            new Provenance.Identifier(
                DigitalLink.of(Gtin.of(made.gtin), lot).uri(base), made.gtin, lotId, null),
            product == null
                ? new Provenance.Product(made.gtin, null, null, null)
                : new Provenance.Product(
                    made.gtin, product.event.name(), product.event.baseUnit().wire(), product.seq),
            new Provenance.Lot(lotId, made.gtin, made.grade, made.quantity, made.by, made.seq),
            new Provenance.Verification(
                failed.isEmpty(),
                timeline.size(),
                List.copyOf(failed),
                new Provenance.Head(rows.headSeq(), HEX.formatHex(rows.headHash())),
                rows.omitted()),
            inspections,
            new Provenance.Origin(bases, deliveries),
            new Provenance.Lineage(sorted(upstream), sorted(downstream), List.copyOf(sales)),
            timeline));
  }

  private static List<LotLink> sorted(Map<String, LotLink> links) {
    List<LotLink> list = new ArrayList<>(links.values());
    list.sort(Comparator.comparingInt(LotLink::depth).thenComparing(LotLink::lotId));
    return List.copyOf(list);
  }

  /** Breadth-first through the transformations that made each lot: each lot at its least depth. */
  private static Map<String, LotLink> upstream(String lotId, Parsed p) {
    Map<String, LotLink> seen = new LinkedHashMap<>();
    Deque<LotLink> queue = new ArrayDeque<>();
    queue.add(link(lotId, 0, p));
    while (!queue.isEmpty()) {
      LotLink current = queue.poll();
      for (Provenance.Input input : current.inputs()) {
        if (!seen.containsKey(input.lotId()) && !input.lotId().equals(lotId)) {
          LotLink next = link(input.lotId(), current.depth() + 1, p);
          seen.put(input.lotId(), next);
          queue.add(next);
        }
      }
    }
    return seen;
  }

  private static Map<String, LotLink> downstream(String lotId, Parsed p) {
    Map<String, LotLink> seen = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    Map<String, Integer> depth = new HashMap<>();
    queue.add(lotId);
    depth.put(lotId, 0);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String output : p.consumers.getOrDefault(current, List.of())) {
        if (!depth.containsKey(output)) {
          depth.put(output, depth.get(current) + 1);
          seen.put(output, link(output, depth.get(output), p));
          queue.add(output);
        }
      }
    }
    return seen;
  }

  private static LotLink link(String lotId, int depth, Parsed p) {
    Made made = p.made.get(lotId);
    if (made == null) { // not shown: should not happen for a consistent ledger
      return new LotLink(lotId, depth, null, null, null, null, List.of());
    }
    return new LotLink(lotId, depth, made.gtin, made.grade, made.by, made.seq, made.inputs);
  }

  private static Inspection inspection(long seq, InspectionRecorded e, Parsed p) {
    StandardEntry standard = p.standards.get(e.standardId().value() + "#" + e.standardVersion());
    Optional<GradeLimits> grade =
        standard == null ? Optional.empty() : standard.event.grade(e.grade());
    List<Result> results = new ArrayList<>();
    for (InspectionRecorded.Result r : e.results()) {
      Optional<GradeLimits.Limit> limit =
          grade.flatMap(
              g -> g.limits().stream().filter(l -> l.metric().equals(r.metric())).findFirst());
      results.add(
          new Result(
              r.metric(),
              r.value(),
              limit.flatMap(l -> boxed(l.min())).orElse(null),
              limit.flatMap(l -> boxed(l.max())).orElse(null),
              limit.map(l -> l.admits(r.value())).orElse(null)));
    }
    return new Inspection(
        seq,
        e.lotId().value(),
        e.standardId().value(),
        e.standardVersion(),
        standard == null ? null : standard.event.title(),
        e.grade(),
        e.passed(),
        Timestamps.format(e.occurredAt()),
        results);
  }

  private static Optional<Long> boxed(java.util.OptionalLong v) {
    return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
  }

  /** How a lot came to be: by harvest (deliveries) or by one transformation output. */
  private static final class Made {
    String gtin;
    String grade;
    long quantity;
    String by;
    long seq;
    List<Provenance.Input> inputs = List.of();
  }

  private record ProductEntry(long seq, ProductRegistered event) {}

  private record StandardEntry(long seq, StandardPublished event) {}

  /** The typed events of the shown entries, indexed for the graph walk. */
  private static final class Parsed {
    final Map<String, Made> made = new HashMap<>();
    final Map<String, List<String>> consumers = new HashMap<>();
    final Map<Long, HarvestDelivered> deliveries = new TreeMap<>();
    final Map<Long, InspectionRecorded> inspections = new TreeMap<>();
    final Map<Long, SaleRecorded> sales = new TreeMap<>();
    final Map<String, SiteRegistered> sites = new HashMap<>();
    final Map<String, ProductEntry> products = new HashMap<>();
    final Map<String, StandardEntry> standards = new HashMap<>();

    Step read(ProvenanceStore.Row row, EntryCheck.Verdict verdict) {
      Failure failure = verdict.ok() ? null : new Failure(verdict.kind(), verdict.detail());
      StoredEvent stored = row.stored();
      JsonObject entry = stored.entry();
      if (entry == null) { // unreadable bytes: shown as such, and failed by the check
        return new Step(
            row.seq(), null, null, null, null, null, verdict.hash(), verdict.ok(), failure, null);
      }
      String type = stored.type();
      JsonObject body = stored.body();
      String occurredAt = null;
      // A body the core no longer accepts (altered in the database): shown raw, not indexed.
      LedgerEvent event = stored.event();
      try {
        if (event instanceof TimedEvent timed) {
          occurredAt = Timestamps.format(timed.occurredAt());
        }
        if (event != null) {
          index(row.seq(), event);
        }
      } catch (Exception e) {
        event = null;
      }
      return new Step(
          row.seq(),
          string(entry, "ts"),
          type,
          string(entry, "actor"),
          occurredAt,
          plain(body),
          verdict.hash(),
          verdict.ok(),
          failure,
          event);
    }

    private void index(long seq, LedgerEvent event) {
      switch (event) {
        case HarvestDelivered e -> {
          deliveries.put(seq, e);
          Made m = made.computeIfAbsent(e.lotId().value(), k -> new Made());
          if (m.by == null) {
            m.by = "harvest";
            m.gtin = e.gtin().value();
            m.seq = seq;
          }
          m.quantity += e.quantity().value();
        }
        case LotTransformed e -> transformed(seq, e);
        case InspectionRecorded e -> inspections.put(seq, e);
        case SaleRecorded e -> sales.put(seq, e);
        case SiteRegistered e -> sites.put(e.baseId().value(), e);
        case ProductRegistered e -> products.put(e.gtin().value(), new ProductEntry(seq, e));
        case StandardPublished e ->
            standards.put(e.standardId().value() + "#" + e.version(), new StandardEntry(seq, e));
        // not part of a lot's provenance page
        case HouseholdEnrolled e -> {}
        case ProductionRecorded e -> {}
        case SaleRefunded e -> {}
        case WageRecorded e -> {}
        case PayoutMade e -> {}
      }
    }

    private void transformed(long seq, LotTransformed e) {
      List<Provenance.Input> inputs =
          e.inputs().stream()
              .map(i -> new Provenance.Input(i.lotId().value(), i.quantity().value()))
              .toList();
      for (LotTransformed.LotOutput out : e.outputs()) {
        Made m = new Made();
        m.gtin = out.gtin().value();
        m.grade = out.grade().orElse(null);
        m.quantity = out.quantity().value();
        m.by = e.process().wire();
        m.seq = seq;
        m.inputs = inputs;
        made.put(out.lotId().value(), m);
      }
      for (LotTransformed.LotInput in : e.inputs()) {
        List<String> outs = consumers.computeIfAbsent(in.lotId().value(), k -> new ArrayList<>());
        e.outputs().forEach(o -> outs.add(o.lotId().value()));
      }
    }
  }

  private static String string(JsonObject o, String name) {
    return o.get(name).orElse(null) instanceof JsonString s ? s.value() : null;
  }

  /** A JSON value as plain Java values (maps, lists, longs, strings, booleans) for the codec. */
  @SuppressWarnings("unchecked")
  static <T> T plain(JsonValue value) {
    Object plain =
        switch (value) {
          case JsonObject o -> {
            Map<String, Object> map = new LinkedHashMap<>();
            o.members().forEach((k, v) -> map.put(k, plain(v)));
            yield map;
          }
          case JsonArray a -> {
            List<Object> list = new ArrayList<>();
            a.values().forEach(v -> list.add(plain(v)));
            yield list;
          }
          case JsonNumber n -> n.isSafeInteger() ? (Object) n.longValueExact() : (Object) n.value();
          case JsonString s -> s.value();
          case JsonBool b -> Boolean.valueOf(b.value());
          case JsonNull n -> null;
          case null -> null;
        };
    return (T) plain;
  }
}
