package net.suyuan.ledger.api.append;

import java.util.List;
import java.util.Objects;
import net.suyuan.ledger.api.auth.Role;
import net.suyuan.ledger.core.event.LedgerEvent;

/**
 * One request to append: its events (all or nothing), who sends it and, optionally, its
 * Idempotency-Key with the SHA-256 of its canonical form.
 *
 * @param idempotencyKey null when the request carried none
 */
record AppendCommand(String orgId, Role role, EventRequest request, String idempotencyKey) {
  AppendCommand {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(request, "request");
    if (idempotencyKey != null && request.requestHash() == null) {
      throw new IllegalArgumentException("a request with an Idempotency-Key needs its hash");
    }
  }

  List<LedgerEvent> events() {
    return request.events();
  }
}
