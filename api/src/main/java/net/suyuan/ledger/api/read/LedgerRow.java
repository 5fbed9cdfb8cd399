package net.suyuan.ledger.api.read;

import net.suyuan.ledger.core.chain.ChainHead;
import net.suyuan.ledger.core.hash.EntryHash;

/**
 * The {@code ledger} row: the hash algorithm fixed at creation and the cached head the appender
 * maintains, which the audit compares with the head it recomputes.
 */
record LedgerRow(String ledgerId, String hashAlg, long headSeq, byte[] headHash) {

  ChainHead head() {
    return new ChainHead(headSeq, new EntryHash(headHash));
  }
}
