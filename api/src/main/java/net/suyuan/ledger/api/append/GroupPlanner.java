package net.suyuan.ledger.api.append;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.suyuan.ledger.api.append.AppendRejection.Kind;
import net.suyuan.ledger.core.chain.ChainWriter;
import net.suyuan.ledger.core.chain.SealedEntry;
import net.suyuan.ledger.core.chain.Timestamps;
import net.suyuan.ledger.core.event.EventValidationException;
import net.suyuan.ledger.core.event.EventValidator;
import net.suyuan.ledger.core.event.FieldError;
import net.suyuan.ledger.core.event.LedgerEvent;
import net.suyuan.ledger.core.id.LotId;

/**
 * The pure part of a commit group: decides, request by request and in queue order, what is
 * appended. A request is either replayed (same Idempotency-Key and body as a stored one), refused
 * (key reused with another body; an event the state or the caller's rights do not allow: the whole
 * request, and only it, is dropped and its state changes undone), or accepted: its events are
 * applied to the overlay, so later requests see them, and sealed with the chain writer.
 */
final class GroupPlanner {
  /** Everything the group writes, and one outcome per command, in command order. */
  record Plan(
      List<SealedEntry> entries,
      List<LotRef> entryLots,
      List<IdempotencyRows.Row> keys,
      List<GroupOutcome> outcomes) {}

  record LotRef(String lotId, long seq) {}

  private GroupPlanner() {}

  static Plan plan(
      List<AppendCommand> commands,
      Map<IdempotencyRows.Key, IdempotencyRows.Row> stored,
      StateOverlay state,
      ChainWriter writer,
      EventValidator validator,
      Instant now) {
    List<SealedEntry> entries = new ArrayList<>();
    List<LotRef> lots = new ArrayList<>();
    List<IdempotencyRows.Row> keys = new ArrayList<>();
    List<GroupOutcome> outcomes = new ArrayList<>(commands.size());
    Map<IdempotencyRows.Key, IdempotencyRows.Row> known = new HashMap<>(stored);
    for (AppendCommand command : commands) {
      IdempotencyRows.Key key =
          command.idempotencyKey() == null
              ? null
              : new IdempotencyRows.Key(command.orgId(), command.idempotencyKey());
      IdempotencyRows.Row earlier = key == null ? null : known.get(key);
      if (earlier != null) {
        outcomes.add(
            Arrays.equals(earlier.requestHash(), command.request().requestHash())
                ? new AppendResult(earlier.receipts(), true)
                : AppendRejection.of(
                    Kind.KEY_REUSED,
                    "Idempotency-Key",
                    "key '" + key.idemKey() + "' was already used with a different request"));
        continue;
      }
      AppendRejection refused =
          apply(command, state, writer.head().seq() + 1, validator, now, lots);
      if (refused != null) {
        outcomes.add(refused);
        continue;
      }
      List<Receipt> receipts = new ArrayList<>();
      List<LedgerEvent> events = command.events();
      for (int i = 0; i < events.size(); i++) {
        LedgerEvent event = events.get(i);
        SealedEntry sealed =
            writer.append(command.orgId(), event.type(), command.request().bodies().get(i));
        entries.add(sealed);
        receipts.add(
            new Receipt(
                sealed.seq(),
                sealed.hash().hex(),
                Timestamps.format(sealed.entry().ts()),
                event.type()));
      }
      AppendResult result = new AppendResult(receipts, false);
      if (key != null) {
        IdempotencyRows.Row row =
            new IdempotencyRows.Row(key, command.request().requestHash(), result.receipts());
        keys.add(row);
        known.put(key, row);
      }
      outcomes.add(result);
    }
    return new Plan(entries, lots, keys, outcomes);
  }

  /**
   * Validates and applies every event of the command, or none: returns the refusal after undoing
   * the command's changes. Adds the lots the accepted events mention to {@code lots}.
   */
  private static AppendRejection apply(
      AppendCommand command,
      StateOverlay state,
      long firstSeq,
      EventValidator validator,
      Instant now,
      List<LotRef> lots) {
    int mark = state.mark();
    int lotMark = lots.size();
    List<LedgerEvent> events = command.events();
    for (int i = 0; i < events.size(); i++) {
      LedgerEvent event = events.get(i);
      String prefix = command.request().prefix(i);
      try {
        validator.validate(state, command.orgId(), event, now);
      } catch (EventValidationException e) {
        undo(state, mark, lots, lotMark);
        return new AppendRejection(Kind.REJECTED, EventRequest.prefixed(e, prefix));
      }
      String denied = WritePolicy.deniedByOwnership(command.role(), command.orgId(), event, state);
      if (denied != null) {
        undo(state, mark, lots, lotMark);
        return new AppendRejection(
            Kind.FORBIDDEN, List.of(new FieldError(prefix + "body.householdId", denied)));
      }
      long seq = firstSeq + i;
      Set<LotId> mentioned = new LinkedHashSet<>(EventKeys.lotsMentioned(event, state));
      mentioned.forEach(l -> lots.add(new LotRef(l.value(), seq)));
      state.apply(event, seq);
    }
    return null;
  }

  private static void undo(StateOverlay state, int mark, List<LotRef> lots, int lotMark) {
    state.rollback(mark);
    lots.subList(lotMark, lots.size()).clear();
  }
}
