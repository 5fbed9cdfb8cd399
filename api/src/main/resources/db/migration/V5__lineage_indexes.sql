-- V5: indexes for the provenance lineage walk (issue 4), so it reads no JSON.
-- A transformation's entry_lot rows are its inputs and its outputs; its outputs are exactly the
-- lots whose created_seq is that entry (outputs must be new lots, core LotRules), its inputs the
-- other lots it mentions. Upstream of a lot made at seq T: entry_lot rows at T (by seq: the first
-- index). Downstream of a lot L: entries mentioning L after its creation that created lots (by
-- created_seq: the second index). See ProvenanceStore and docs/storage.md.
CREATE INDEX entry_lot_seq_idx ON entry_lot (ledger_id, seq) INCLUDE (lot_id);
COMMENT ON INDEX entry_lot_seq_idx IS 'Lots an entry mentions (a transformation''s inputs and outputs), for the lineage walk.';

CREATE INDEX lot_created_seq_idx ON lot (ledger_id, created_seq) INCLUDE (lot_id);
COMMENT ON INDEX lot_created_seq_idx IS 'Lots an entry created (a transformation''s outputs), for the lineage walk.';
