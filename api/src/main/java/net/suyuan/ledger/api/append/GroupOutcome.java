package net.suyuan.ledger.api.append;

/**
 * What a commit group decided for one request: its entries were appended (or replayed), {@link
 * AppendResult}, or it appended nothing, {@link AppendRejection}. The writer completes each waiting
 * request from its outcome with an exhaustive switch.
 */
sealed interface GroupOutcome permits AppendResult, AppendRejection {}
