-- The head entry's recording time, kept beside head_seq/head_hash so the appender reads the whole
-- head with the one statement that locks the ledger row (a join to entry in that statement would
-- see a stale snapshot after waiting for another instance's commit).
ALTER TABLE ledger ADD COLUMN head_ts timestamptz;

COMMENT ON COLUMN ledger.head_ts IS
  'Recording time (ts) of the head entry: a derived cache like head_seq/head_hash, updated in the same transaction as the entries; NULL until the first append after this migration, when the appender reads it from entry.';

UPDATE ledger l SET head_ts = e.ts FROM entry e WHERE e.ledger_id = l.ledger_id AND e.seq = l.head_seq;
