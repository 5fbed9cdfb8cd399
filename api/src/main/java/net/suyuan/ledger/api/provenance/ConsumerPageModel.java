package net.suyuan.ledger.api.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.suyuan.ledger.api.provenance.Provenance.Base;
import net.suyuan.ledger.api.provenance.Provenance.Delivery;
import net.suyuan.ledger.api.provenance.Provenance.Inspection;
import net.suyuan.ledger.api.provenance.Provenance.LotLink;
import net.suyuan.ledger.api.provenance.Provenance.Result;
import net.suyuan.ledger.api.provenance.Provenance.Step;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.HouseholdEnrolled;
import net.suyuan.ledger.core.event.InspectionRecorded;
import net.suyuan.ledger.core.event.InvisibleCharacters;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.PayoutMade;
import net.suyuan.ledger.core.event.ProductRegistered;
import net.suyuan.ledger.core.event.ProductionRecorded;
import net.suyuan.ledger.core.event.SaleRecorded;
import net.suyuan.ledger.core.event.SaleRefunded;
import net.suyuan.ledger.core.event.SiteRegistered;
import net.suyuan.ledger.core.event.StandardPublished;
import net.suyuan.ledger.core.event.WageRecorded;

/**
 * What the consumer page says, in one language: every sentence already worded (from {@link
 * PageText}) and every number formatted, so the template ({@code src/main/jte/page.jte}) only lays
 * it out. Built from a {@link Provenance} and the typed events of its entries; pure, so it is
 * tested without a server or a template. Text from the ledger is plain here (the template escapes
 * it) with any code point the ledger refuses at append ({@link InvisibleCharacters}: bidi controls,
 * zero-width characters) shown as {@code [U+XXXX]}, so an altered entry cannot reorder or hide the
 * text around it.
 */
record ConsumerPageModel(
    String lang,
    String productName,
    String grade,
    String identifier,
    Verification verification,
    List<InspectionCard> inspections,
    Origin origin,
    Lineage lineage,
    List<TimelineItem> timeline) {

  /**
   * The verdict first: {@code ok} with its headline, or the alert naming the failed entries. {@code
   * omitted} is null when every entry of the lineage is shown.
   */
  record Verification(boolean ok, String headline, String message, String omitted) {}

  /** An inspection: the standard, what was inspected and the verdict, and each measured value. */
  record InspectionCard(
      String standardTitle,
      String standardRef,
      String lot,
      String grade,
      boolean passed,
      String verdict,
      String date,
      List<ResultRow> results) {}

  /** {@code within} is null for a metric the grade does not limit. */
  record ResultRow(String metric, String measured, Boolean within, String limit) {}

  /** {@code place} is null when the base's village is unknown. */
  record BaseLine(String name, String place, String delivered) {}

  record DeliveryRow(String date, String household, String quantity) {}

  /** {@code households} is null when no delivery is shown. */
  record Origin(List<BaseLine> bases, String households, List<DeliveryRow> deliveries) {}

  /** This lot's line, then one line per lot upstream, and per lot and sale downstream. */
  record Lineage(String lot, List<String> upstream, List<String> downstream) {}

  /** A line of the timeline: one entry, or a run of more than three deliveries into one lot. */
  sealed interface TimelineItem permits StepCard, DeliveryRun {
    boolean verified();
  }

  /** {@code failure} and {@code failureDetail} are null for a verified entry. */
  record StepCard(
      long seq,
      String date,
      String typeName,
      String summary,
      String actor,
      boolean verified,
      String verdict,
      String failure,
      String hash,
      String failureDetail)
      implements TimelineItem {}

  /** {@code dates} is one date or {@code first – last}; {@code verdict} counts failures if any. */
  record DeliveryRun(
      String dates,
      String typeName,
      String summary,
      long firstSeq,
      long lastSeq,
      boolean verified,
      String verdict,
      List<StepCard> steps)
      implements TimelineItem {}

  /** Deliveries in a row into one lot read as one step when there are more than this many. */
  static final int RUN_MIN = 4;

  static ConsumerPageModel of(Provenance p, PageText t) {
    return new Builder(p, t).build();
  }

  /** The text as shown: refused code points made visible; null stays null. */
  static String shown(String s) {
    if (s == null || InvisibleCharacters.indexIn(s) < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            cp -> {
              String one = new String(Character.toChars(cp));
              if (InvisibleCharacters.indexIn(one) == 0) {
                out.append('[').append(InvisibleCharacters.describe(cp)).append(']');
              } else {
                out.append(one);
              }
            });
    return out.toString();
  }

  private static final class Builder {
    private final Provenance p;
    private final PageText t;
    private final String unit;

    Builder(Provenance p, PageText t) {
      this.p = p;
      this.t = t;
      this.unit = unit(p.product().baseUnit());
    }

    ConsumerPageModel build() {
      String productName = p.product().name() != null ? p.product().name() : p.product().gtin();
      String identifier =
          "GTIN " + shown(p.id().gtin()) + " · " + t.get("id.lot", shown(p.id().lot()));
      if (p.id().serial() != null) {
        identifier += " · " + t.get("id.serial", shown(p.id().serial()));
      }
      return new ConsumerPageModel(
          t.tag(),
          shown(productName),
          p.lot().grade() == null ? null : t.get("id.grade", shown(p.lot().grade())),
          identifier,
          verification(),
          p.inspections().stream().map(this::inspection).toList(),
          origin(),
          lineage(),
          timeline());
    }

    private Verification verification() {
      Provenance.Verification v = p.verification();
      String omitted =
          v.omitted() > 0 ? t.get("verification.omitted", String.valueOf(v.omitted())) : null;
      if (v.ok()) {
        return new Verification(
            true,
            t.get("verification.ok.headline"),
            t.get("verification.ok.message", String.valueOf(v.checked())),
            omitted);
      }
      String failed = v.failed().stream().map(s -> "#" + s).collect(Collectors.joining(", "));
      return new Verification(
          false,
          t.get("verification.failed.headline"),
          t.get("verification.failed.message", failed),
          omitted);
    }

    private InspectionCard inspection(Inspection i) {
      return new InspectionCard(
          shown(i.standardTitle() != null ? i.standardTitle() : i.standardId()),
          shown(i.standardId()) + " v" + i.standardVersion(),
          t.get("inspection.lot", shown(i.lotId())),
          t.get("id.grade", shown(i.grade())),
          i.passed(),
          t.get(i.passed() ? "inspection.passed" : "inspection.failed"),
          date(i.occurredAt()),
          i.results().stream()
              .map(r -> new ResultRow(shown(r.metric()), t.number(r.value()), r.within(), limit(r)))
              .toList());
    }

    private String limit(Result r) {
      if (r.min() == null && r.max() == null) {
        return t.get("limit.none");
      }
      if (r.min() != null && r.max() != null) {
        return t.number(r.min()) + " – " + t.number(r.max());
      }
      return r.min() != null ? "≥ " + t.number(r.min()) : "≤ " + t.number(r.max());
    }

    private Origin origin() {
      List<BaseLine> bases = new ArrayList<>();
      for (Base b : p.origin().bases()) {
        bases.add(
            new BaseLine(
                shown(b.name() != null ? b.name() : b.baseId()),
                b.village() == null
                    ? null
                    : (b.county() == null ? "" : shown(b.county())) + " " + shown(b.village()),
                t.get("origin.delivered", t.number(b.delivered()), unit)));
      }
      List<Delivery> deliveries = p.origin().deliveries();
      long households = deliveries.stream().map(Delivery::householdId).distinct().count();
      return new Origin(
          bases,
          deliveries.isEmpty() ? null : t.get("origin.households", String.valueOf(households)),
          deliveries.stream()
              .map(
                  d ->
                      new DeliveryRow(
                          date(d.occurredAt()),
                          shown(d.householdId()),
                          t.number(d.quantity()) + " " + unit))
              .toList());
    }

    private Lineage lineage() {
      String lot =
          t.get(
              "lineage.lot",
              shown(p.lot().lotId()),
              process(p.lot().madeBy()),
              t.number(p.lot().quantity()),
              unit);
      List<String> upstream = new ArrayList<>();
      for (LotLink l : p.lineage().upstream()) {
        StringBuilder line =
            new StringBuilder("↑".repeat(Math.min(l.depth(), 8)))
                .append(' ')
                .append(shown(l.lotId()))
                .append(" · ")
                .append(process(l.madeBy()));
        if (l.grade() != null) {
          line.append(" · ").append(t.get("id.grade", shown(l.grade())));
        }
        if (!l.inputs().isEmpty()) {
          line.append(" ← ")
              .append(
                  l.inputs().stream()
                      .map(i -> shown(i.lotId()) + " (" + t.number(i.quantity()) + ")")
                      .collect(Collectors.joining(", ")));
        }
        upstream.add(line.toString());
      }
      List<String> downstream = new ArrayList<>();
      for (LotLink l : p.lineage().downstream()) {
        downstream.add("↓ " + shown(l.lotId()) + " · " + process(l.madeBy()));
      }
      for (Provenance.Sale s : p.lineage().sales()) {
        downstream.add(channel(s.channel()) + " · " + t.number(s.quantity()) + " " + unit);
      }
      return new Lineage(lot, upstream, downstream);
    }

    private List<TimelineItem> timeline() {
      List<TimelineItem> items = new ArrayList<>();
      List<Step> steps = p.timeline();
      for (int i = 0; i < steps.size(); ) {
        // Consecutive deliveries into one lot (hundreds, for a big cooperative) read as one step.
        int j = i;
        while (j < steps.size() && sameDeliveryRun(steps.get(i), steps.get(j))) {
          j++;
        }
        if (j - i >= RUN_MIN) {
          items.add(deliveryRun(steps.subList(i, j)));
          i = j;
        } else {
          items.add(step(steps.get(i)));
          i++;
        }
      }
      return items;
    }

    private static boolean sameDeliveryRun(Step first, Step s) {
      return first.event() instanceof HarvestDelivered a
          && s.event() instanceof HarvestDelivered b
          && a.lotId().equals(b.lotId());
    }

    private DeliveryRun deliveryRun(List<Step> run) {
      long failed = run.stream().filter(s -> !s.verified()).count();
      long total =
          run.stream().mapToLong(s -> ((HarvestDelivered) s.event()).quantity().value()).sum();
      Step first = run.get(0);
      Step last = run.get(run.size() - 1);
      String dates = date(first.occurredAt());
      if (first.occurredAt() != null && !dates.equals(date(last.occurredAt()))) {
        dates += " – " + date(last.occurredAt());
      }
      String lot = ((HarvestDelivered) first.event()).lotId().value();
      return new DeliveryRun(
          dates,
          typeName(first.type()),
          t.get("run.summary", String.valueOf(run.size()), shown(lot), t.number(total), unit),
          first.seq(),
          last.seq(),
          failed == 0,
          failed == 0 ? t.get("run.verified") : t.get("run.failed", String.valueOf(failed)),
          run.stream().map(this::step).toList());
    }

    private StepCard step(Step s) {
      return new StepCard(
          s.seq(),
          date(s.occurredAt() != null ? s.occurredAt() : s.ts()),
          typeName(s.type()),
          summary(s),
          shown(s.actor()),
          s.verified(),
          t.get(s.verified() ? "step.verified" : "step.failed"),
          s.verified() ? null : shown(s.failure().kind()),
          s.hash(),
          s.verified() ? null : shown(s.failure().detail()));
    }

    /** One line saying what the entry records, from its typed event. */
    private String summary(Step s) {
      LedgerEvent event = s.event();
      if (event == null) { // unreadable bytes, or a body the core does not accept (altered)
        return t.get("summary.unreadable");
      }
      return switch (event) {
        case HarvestDelivered e ->
            t.get(
                "summary.harvest",
                shown(e.householdId().value()),
                shown(e.baseId().value()),
                String.valueOf(e.quantity().value()),
                shown(e.lotId().value()));
        case LotTransformed e ->
            process(e.process().wire())
                + ": "
                + e.inputs().stream()
                    .map(i -> shown(i.lotId().value()) + " (" + i.quantity().value() + ")")
                    .collect(Collectors.joining(", "))
                + " → "
                + e.outputs().stream()
                    .map(o -> shown(o.lotId().value()) + " (" + o.quantity().value() + ")")
                    .collect(Collectors.joining(", "));
        case InspectionRecorded e ->
            t.get(
                "summary.inspection",
                shown(e.lotId().value()),
                shown(e.standardId().value()),
                String.valueOf(e.standardVersion()),
                shown(e.grade()),
                t.get(e.passed() ? "inspection.passed" : "inspection.failed"));
        case ProductionRecorded e ->
            e.activity().wire()
                + " · "
                + shown(e.baseId().value())
                + e.detail().map(d -> " · " + shown(d)).orElse("");
        case SaleRecorded e ->
            channel(e.channel().wire())
                + " · "
                + shown(e.lotId().value())
                + " · "
                + e.quantity().value();
        case ProductRegistered e -> shown(e.name()) + " · GTIN " + e.gtin().value();
        case SiteRegistered e ->
            shown(e.name()) + " · " + shown(e.county()) + " " + shown(e.village());
        case StandardPublished e ->
            shown(e.title()) + " · " + shown(e.standardId().value()) + " v" + e.version();
        // named by their type
        case HouseholdEnrolled e -> shown(e.type());
        case SaleRefunded e -> shown(e.type());
        case WageRecorded e -> shown(e.type());
        case PayoutMade e -> shown(e.type());
      };
    }

    private String typeName(String type) {
      return type == null ? "?" : shown(t.named("type.", type));
    }

    private String process(String process) {
      return process == null ? "?" : shown(t.named("process.", process));
    }

    private String channel(String channel) {
      return shown(t.named("channel.", channel));
    }

    private String unit(String baseUnit) {
      if (baseUnit == null) {
        return "";
      }
      return "g".equals(baseUnit) || "ml".equals(baseUnit)
          ? t.get("unit." + baseUnit)
          : t.get("unit.other");
    }

    private static String date(String timestamp) {
      return timestamp == null
          ? ""
          : shown(timestamp.substring(0, Math.min(10, timestamp.length())));
    }
  }
}
