package net.suyuan.ledger.api.ledger;

import java.util.Objects;
import net.suyuan.ledger.core.hash.HashAlg;

/**
 * The ledger this API instance appends to, as stored (not as configured: the stored hash algorithm
 * wins, see {@code append.LedgerBootstrap}).
 */
public record LedgerInfo(String ledgerId, HashAlg alg) {
  public LedgerInfo {
    Objects.requireNonNull(ledgerId, "ledgerId");
    Objects.requireNonNull(alg, "alg");
  }
}
