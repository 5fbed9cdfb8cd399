package net.suyuan.ledger.api.provenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.suyuan.ledger.api.provenance.Provenance.Step;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.event.HarvestDelivered;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.event.LotTransformed;
import net.suyuan.ledger.core.event.TimedEvent;
import net.suyuan.ledger.core.event.TransformProcess;
import net.suyuan.ledger.core.id.BaseId;
import net.suyuan.ledger.core.id.Gtin;
import net.suyuan.ledger.core.id.HouseholdId;
import net.suyuan.ledger.core.id.LotId;
import net.suyuan.ledger.core.id.Quantity;

/**
 * A {@link Provenance} assembled in memory from typed events, for the page's pure tests: each event
 * becomes a timeline {@link Step} (verified unless listed in {@link #failing}); the other parts
 * (product, lot, origin, lineage, inspections) are set directly.
 */
final class PageFixture {
  static final String GTIN = "06900001000013";
  static final Instant T0 = Instant.parse("2022-09-02T04:00:00.000Z");

  String productName = "六枝小黄姜";
  String baseUnit = "g";
  String lot = "LZ22-P";
  String grade = "A";
  String serial;
  long omitted;
  final List<Step> steps = new ArrayList<>();
  final List<Long> failing = new ArrayList<>();
  List<Provenance.Inspection> inspections = List.of();
  List<Provenance.Base> bases = List.of();
  List<Provenance.Delivery> deliveries = List.of();
  List<Provenance.LotLink> upstream = List.of();
  List<Provenance.LotLink> downstream = List.of();
  List<Provenance.Sale> sales = List.of();

  /** Appends a verified entry recording {@code event}, by {@code actor}. */
  PageFixture entry(String actor, LedgerEvent event) {
    long seq = steps.size() + 1;
    String occurredAt = event instanceof TimedEvent t ? Timestamps.format(t.occurredAt()) : null;
    steps.add(
        new Step(
            seq,
            "2026-12-03T17:00:00.000Z",
            event.type(),
            actor,
            occurredAt,
            Map.of(),
            hash(seq),
            true,
            null,
            event));
    return this;
  }

  /** Appends an entry whose bytes are not JSON: no type, no body, no event; failed. */
  PageFixture unreadable() {
    long seq = steps.size() + 1;
    steps.add(
        new Step(
            seq,
            null,
            null,
            null,
            null,
            null,
            hash(seq),
            false,
            new Provenance.Failure("invalid_entry", "not JSON: unexpected character '0xff'"),
            null));
    failing.add(seq);
    return this;
  }

  /** Marks entry {@code seq} failed with {@code kind} and {@code detail}. */
  PageFixture fail(long seq, String kind, String detail) {
    Step s = steps.get((int) seq - 1);
    steps.set(
        (int) seq - 1,
        new Step(
            s.seq(),
            s.ts(),
            s.type(),
            s.actor(),
            s.occurredAt(),
            s.body(),
            s.hash(),
            false,
            new Provenance.Failure(kind, detail),
            s.event()));
    failing.add(seq);
    return this;
  }

  static String hash(long seq) {
    return String.format("%064x", seq);
  }

  static HarvestDelivered delivery(String household, String lot, long quantity, int day) {
    return new HarvestDelivered(
        LotId.of(lot),
        Gtin.of(GTIN),
        HouseholdId.of(household),
        BaseId.of("lz-base-1"),
        Quantity.of(quantity),
        T0.plusSeconds(86_400L * day));
  }

  static LotTransformed grading(String from, long in, String to, long out) {
    return new LotTransformed(
        TransformProcess.GRADING,
        List.of(new LotTransformed.LotInput(LotId.of(from), Quantity.of(in))),
        List.of(
            new LotTransformed.LotOutput(
                LotId.of(to), Gtin.of(GTIN), Quantity.of(out), Optional.of("A"))),
        T0.plusSeconds(86_400L * 30));
  }

  Provenance provenance() {
    return new Provenance(
        new Provenance.Identifier(
            "https://id.example.cn/01/" + GTIN + "/10/" + lot, GTIN, lot, serial),
        new Provenance.Product(GTIN, productName, baseUnit, 1L),
        new Provenance.Lot(lot, GTIN, grade, 1_000_000, "packing", 9),
        new Provenance.Verification(
            failing.isEmpty(),
            steps.size(),
            List.copyOf(failing),
            new Provenance.Head(steps.size(), hash(steps.size())),
            omitted),
        inspections,
        new Provenance.Origin(bases, deliveries),
        new Provenance.Lineage(upstream, downstream, sales),
        List.copyOf(steps));
  }
}
