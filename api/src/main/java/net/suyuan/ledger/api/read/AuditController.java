package net.suyuan.ledger.api.read;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/audit}: public, like every read. See {@link ChainAudit}. */
@RestController
class AuditController {

  private final ChainAudit audit;

  AuditController(ChainAudit audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit")
  Mono<AuditResponse> audit() {
    return audit.audit().map(AuditResponse::of);
  }
}
