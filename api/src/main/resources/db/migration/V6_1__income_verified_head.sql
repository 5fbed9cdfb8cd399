-- V6.1: the income tables name the verified entry they were computed from (issue 11, defect 6).
-- IncomeProjector verifies the chain as it reads it (canonical bytes, prev link, recomputed hash =
-- stored hash, each entry vouched for by the next one's prev or by the ledger head) and records,
-- with the watermark, the hash of the last entry it applied. Income responses return it with
-- asOfSeq, so a reader can compare it with GET /api/v1/audit; the replay check and every rebuild
-- compare it with the chain as it is now. See docs/income.md ("Verified projection").
-- Numbered 6.1, not 7, so it orders before migrations added on other branches meanwhile.
ALTER TABLE income_watermark ADD COLUMN hash bytea NULL CHECK (octet_length(hash) = 32);
COMMENT ON COLUMN income_watermark.hash IS
    'Hash of entry seq as verified when it was applied; NULL when seq = -1 (and for rows written '
    'before V6.1, until the projector next moves the watermark).';
