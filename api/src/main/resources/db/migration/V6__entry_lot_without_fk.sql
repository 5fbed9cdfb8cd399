-- V6: entry_lot loses its foreign key to entry.
--
-- The key checked each entry_lot row with a row lock (FOR KEY SHARE) on the entry it names: one
-- lock, one dirtied heap page and one WAL record per row, about a third of the cost of writing a
-- batch of entries (docs/storage.md, "Group commit"). What it guarded is kept by construction:
-- entry_lot rows are written only by the append transaction, in the same statement as the entries
-- they index, and GroupCommit refuses a group whose entry_lot rows name a seq outside the entries
-- it inserts. Entries are never deleted (V1's triggers), so a row cannot lose its entry later
-- except by superuser tampering, which the audit detects on the chain itself.
ALTER TABLE entry_lot DROP CONSTRAINT entry_lot_ledger_id_seq_fkey;
COMMENT ON TABLE entry_lot IS
    'Index: entries (ledger_id, seq) that mention a lot. Derived from entry and written in the same '
    'statement as the entries it indexes (no foreign key: V6); rebuildable.';
