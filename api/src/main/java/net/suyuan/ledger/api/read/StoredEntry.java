package net.suyuan.ledger.api.read;

/**
 * One stored entry row as read: its seq and the exact bytes of the {@code canonical} and {@code
 * hash} columns. A persistence row, not an API type. The arrays come fresh from the driver and are
 * owned by the row; nothing in this package mutates them, so pages are served without copies.
 */
record StoredEntry(long seq, byte[] canonical, byte[] hash) {}
