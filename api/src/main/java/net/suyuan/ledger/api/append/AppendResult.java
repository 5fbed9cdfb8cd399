package net.suyuan.ledger.api.append;

import java.util.List;

/**
 * The receipts of an accepted request, in request order.
 *
 * @param replayed true when an earlier request with the same Idempotency-Key and body appended
 *     these entries and nothing new was appended
 */
public record AppendResult(List<Receipt> receipts, boolean replayed) implements GroupOutcome {
  public AppendResult {
    receipts = List.copyOf(receipts);
  }
}
