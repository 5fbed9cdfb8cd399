package net.suyuan.ledger.api.append;

/** Proof of one appended entry: where it is in the chain, its hash (hex), its recording time. */
public record Receipt(long seq, String hash, String ts, String type) {}
