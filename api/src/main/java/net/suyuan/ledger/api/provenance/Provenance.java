package net.suyuan.ledger.api.provenance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import net.suyuan.ledger.core.event.LedgerEvent;

/**
 * What a consumer (or a program) learns by scanning a label: the product and lot, the inspections
 * against the standard in force, where it came from (bases, villages, pseudonymous household
 * deliveries), the lineage in both directions, and every entry behind it, each verified. The JSON
 * form of {@code GET /01/.../10/...} (Accept: application/json) and of {@code
 * /api/v1/lots/{lotId}/provenance}; the consumer page renders the same object.
 */
public record Provenance(
    Identifier id,
    Product product,
    Lot lot,
    Verification verification,
    List<Inspection> inspections,
    Origin origin,
    Lineage lineage,
    List<Step> timeline) {

  /** The scanned identifier; {@code uri} is the label's Digital Link URI. */
  public record Identifier(String uri, String gtin, String lot, String serial) {}

  public record Product(String gtin, String name, String baseUnit, Long registeredSeq) {}

  /** The lot itself: how it was made ({@code harvest} or a process) and from how much. */
  public record Lot(
      String lotId, String gtin, String grade, long quantity, String madeBy, long createdSeq) {}

  /**
   * {@code ok} only when every shown entry verified; {@code failed} lists the seqs that did not.
   * {@code ledgerHead} is the chain head the check ran against. {@code omitted}: entries of the
   * lineage neither shown nor checked because of {@code ledger.provenance.max-entries} (sales and
   * refunds go first); when it is not 0 the timeline, sales and deliveries are partial, and the
   * full list is paged at {@code /api/v1/lots/{lotId}/events}.
   */
  public record Verification(
      boolean ok, int checked, List<Long> failed, Head ledgerHead, long omitted) {}

  public record Head(long seq, String hash) {}

  /** An inspection of a lot in the lineage, each result beside its limit in that standard. */
  public record Inspection(
      long seq,
      String lotId,
      String standardId,
      int standardVersion,
      String standardTitle,
      String grade,
      boolean passed,
      String occurredAt,
      List<Result> results) {}

  /** {@code within} is null for a metric the grade does not limit. */
  public record Result(String metric, long value, Long min, Long max, Boolean within) {}

  /** Production bases with what they delivered into the lineage, and the deliveries themselves. */
  public record Origin(List<Base> bases, List<Delivery> deliveries) {}

  public record Base(String baseId, String name, String village, String county, long delivered) {}

  /** A harvest delivery: households appear only by their pseudonymous id. */
  public record Delivery(
      long seq,
      String lotId,
      String householdId,
      String baseId,
      long quantity,
      String occurredAt) {}

  /** Lots upstream (depth 1 = direct inputs) and downstream, with the sales of downstream lots. */
  public record Lineage(List<LotLink> upstream, List<LotLink> downstream, List<Sale> sales) {}

  /**
   * A lot in the lineage and the lots it was made from ({@code inputs}, empty for harvest lots).
   */
  public record LotLink(
      String lotId,
      int depth,
      String gtin,
      String grade,
      String madeBy,
      Long createdSeq,
      List<Input> inputs) {}

  public record Input(String lotId, long quantity) {}

  public record Sale(long seq, String saleId, String channel, String lotId, long quantity) {}

  /**
   * One entry shown, in seq order: its body as recorded, its recomputed hash and the verdict. A
   * failed entry keeps {@code body} as read (possibly altered) and says why in {@code failure}.
   * {@code event} is that body as the core reads it, for the consumer page; null when the core does
   * not accept it (an altered entry). Not part of the JSON.
   */
  public record Step(
      long seq,
      String ts,
      String type,
      String actor,
      String occurredAt,
      Map<String, Object> body,
      String hash,
      boolean verified,
      Failure failure,
      @JsonIgnore LedgerEvent event) {}

  public record Failure(String kind, String detail) {}
}
